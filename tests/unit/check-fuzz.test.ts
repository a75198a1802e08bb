import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/lib/check.ts';
import { findingCatalogue } from '../../src/lib/findings.ts';
import { readPackageDir } from '../../src/lib/package-files.ts';
import { sampleDir, sampleToday } from '../support/package.ts';

const sample = await readPackageDir(sampleDir);
const textFiles = [...sample.keys()].filter((path) => /\.(ya?ml|mdx|md)$/.test(path));
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Ways an author's editor, a bad merge or a copy-paste can damage a file. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-type' as const), at: fc.nat(), value: fc.constantFrom('[1, 2]', '{a: 1}', '42', 'null', 'true', '"text"', '2026-13-45', '-7', '') }),
  fc.record({ kind: fc.constant('latin1' as const) }),
  fc.record({ kind: fc.constant('utf16' as const) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom('\t', '   ', ' ') }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const text = decoder.decode(bytes);
  const lines = text.split('\n');
  const pick = (at: number) => at % Math.max(lines.length, 1);
  switch (change.kind) {
    case 'delete-line':
      lines.splice(pick(change.at), 1);
      return encoder.encode(lines.join('\n'));
    case 'truncate':
      return bytes.slice(0, change.at % (bytes.length + 1));
    case 'swap-type': {
      const index = pick(change.at);
      lines[index] = lines[index]!.replace(/:\s.*$/, `: ${change.value}`);
      return encoder.encode(lines.join('\n'));
    }
    case 'latin1':
      return Uint8Array.from([...text].map((char) => (char.codePointAt(0)! > 255 ? 0x3f : char.codePointAt(0)!)).concat([0xe9, 0xb2]));
    case 'utf16':
      return new Uint8Array(Buffer.from(text, 'utf16le'));
    case 'indent': {
      const index = pick(change.at);
      lines[index] = change.by + lines[index]!;
      return encoder.encode(lines.join('\n'));
    }
    case 'duplicate-line': {
      const index = pick(change.at);
      lines.splice(index, 0, lines[index]!);
      return encoder.encode(lines.join('\n'));
    }
  }
}

describe('check on damaged packages', () => {
  it('never throws, and every finding names a file and a known code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...textFiles), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (file, changes) => {
        const files = new Map(sample);
        files.set(file, changes.reduce((bytes, change) => mutate(bytes, change), sample.get(file)!));
        const result = await checkPackage(files, { today: sampleToday });
        for (const f of result.findings) {
          expect(f.file).toMatch(/\S/);
          expect(Object.keys(findingCatalogue)).toContain(f.code);
          expect(f.message).toMatch(/\S/);
          if (f.line !== undefined) expect(Number.isInteger(f.line) && f.line > 0).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  }, 120_000);

  it('reports the damaged file when a mutation breaks it', async () => {
    const files = new Map(sample);
    files.set('roles.yaml', mutate(sample.get('roles.yaml')!, { kind: 'utf16' }));
    const result = await checkPackage(files, { today: sampleToday });
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.file)).toContain('roles.yaml');
  });
});
