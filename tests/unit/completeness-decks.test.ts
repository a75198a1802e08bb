// deck-uncovered (DESIGN.md section 6): a key procedure that no deck covers.
import { describe, expect, it } from 'vitest';
import { assessCompleteness } from '../../src/lib/completeness.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { MINIMAL_PACKAGE, filesOf, sampleToday } from '../support/package.ts';

const procedure = (criticality: 'key' | 'standard') =>
  `---\ntitle: P\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-06-01\ncriticality: ${criticality}\n---\n\`\`\`mermaid\nflowchart TD\n  A --> B\n\`\`\`\n`;
const deck = (covers: string[], extra = '') => `---\nmarp: true\ntitle: D\ncovers:\n${covers.map((id) => `  - ${id}\n`).join('')}${extra}---\n# D\n`;

function uncovered(tree: Record<string, string>, profile: 'public' | 'internal' = 'internal') {
  const { pkg } = loadPackage(
    filesOf({
      'handover.yaml': MINIMAL_PACKAGE['handover.yaml'],
      'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n',
      'procedures/standard/key.mdx': procedure('key'),
      'procedures/standard/minor.mdx': procedure('standard'),
      ...tree,
    }),
  );
  return assessCompleteness(applyProfile(pkg, profile), sampleToday)
    .findings.filter((f) => f.code === 'deck-uncovered')
    .map((f) => f.file);
}

describe('deck-uncovered', () => {
  it('warns about a key procedure no deck covers, not about standard ones', () => {
    expect(uncovered({})).toEqual(['procedures/standard/key.mdx']);
    expect(uncovered({ 'decks/d.md': deck(['standard/minor']) })).toEqual(['procedures/standard/key.mdx']);
  });

  it('is satisfied by any deck that lists the procedure in covers', () => {
    expect(uncovered({ 'decks/a.md': deck(['standard/minor']), 'decks/b.md': deck(['standard/key']) })).toEqual([]);
  });

  it('does not count a misspelt id as cover', () => {
    expect(uncovered({ 'decks/d.md': deck(['standard/Key']) })).toEqual(['procedures/standard/key.mdx']);
  });

  it('counts an internal deck for the internal profile only, since the public portal does not show it', () => {
    const tree = { 'decks/d.md': deck(['standard/key'], 'audience: internal\n') };
    expect(uncovered(tree, 'internal')).toEqual([]);
    expect(uncovered(tree, 'public')).toEqual(['procedures/standard/key.mdx']);
  });
});
