import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseYamlSource, splitFrontmatter } from '../../src/lib/source.ts';

describe('parseYamlSource', () => {
  const yaml = ['title: Portal', 'orderTypes:', '  - id: standard', '    name: Standard', '  - id: sample', '    name: Sample'].join('\n');

  it('finds the line of nested fields and list items', () => {
    const parsed = parseYamlSource(yaml, 'handover.yaml');
    if (!('source' in parsed)) throw new Error('expected a parse');
    expect(parsed.source.lineOf(['title'])).toBe(1);
    expect(parsed.source.lineOf(['orderTypes', 1])).toBe(5);
    expect(parsed.source.lineOf(['orderTypes', 1, 'name'])).toBe(6);
  });

  it('points a missing field at its nearest written ancestor', () => {
    const parsed = parseYamlSource(yaml, 'handover.yaml');
    if (!('source' in parsed)) throw new Error('expected a parse');
    expect(parsed.source.lineOf(['orderTypes', 1, 'description'])).toBe(5);
  });

  it('offsets lines for frontmatter that starts below line 1', () => {
    const parsed = parseYamlSource('title: A\nowner: x', 'p.mdx', 2);
    if (!('source' in parsed)) throw new Error('expected a parse');
    expect(parsed.source.lineOf(['owner'])).toBe(3);
  });

  it('reports a syntax error with the file line', () => {
    const parsed = parseYamlSource('title: A\nowner: a: b\nversion: 1', 'p.mdx', 2);
    expect('findings' in parsed && parsed.findings[0]).toMatchObject({ code: 'yaml-syntax', file: 'p.mdx', line: 3 });
  });

  it('refuses duplicate keys', () => {
    const parsed = parseYamlSource('id: a\nid: b', 'roles.yaml');
    expect('findings' in parsed && parsed.findings[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
  });
});

describe('splitFrontmatter', () => {
  it('splits fields and body and knows where the body starts', () => {
    const split = splitFrontmatter('---\ntitle: A\n---\n\n# Body');
    expect(split).toMatchObject({ frontmatter: 'title: A', frontmatterLine: 2, bodyLine: 4 });
    expect(split.body.trim()).toBe('# Body');
  });

  it('reports no frontmatter when the fences are absent or unclosed', () => {
    expect(splitFrontmatter('# Just text').frontmatter).toBeUndefined();
    expect(splitFrontmatter('---\ntitle: A\n').frontmatter).toBeUndefined();
  });
});

describe('decodeUtf8', () => {
  it('strips a byte-order mark', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'a.yaml')).toEqual({ text: 'a' });
  });

  it('names the line of the first invalid byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 1\nb: '), 0xb2, 0xe2]);
    const decoded = decodeUtf8(bytes, 'roles.yaml');
    expect('finding' in decoded && decoded.finding).toMatchObject({ code: 'yaml-syntax', file: 'roles.yaml', line: 2 });
  });
});
