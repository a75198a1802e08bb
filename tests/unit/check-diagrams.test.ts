// mermaid-invalid from the Node-side parser, and the shortcut the build takes
// for diagrams its renderer has already drawn.
import { describe, expect, it } from 'vitest';
import { checkDiagrams } from '../../src/lib/diagrams.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { MINIMAL_PACKAGE, filesOf, minimalProcedure } from '../support/package.ts';

const good = 'flowchart TD\n  A[Order entered] --> B{Over limit?}';
const broken = 'flowchart TD\n  A[Order entered --> B';

function packageWith(...diagrams: string[]) {
  const body = diagrams.map((source) => `\`\`\`mermaid\n${source}\n\`\`\`\n`).join('\n');
  return loadPackage(filesOf({ ...MINIMAL_PACKAGE, 'procedures/standard/order.mdx': minimalProcedure('', body) })).pkg;
}

describe('checkDiagrams', () => {
  it('reports a diagram that does not parse at its file and line, and none for one that does', async () => {
    // Line 17: nine lines of frontmatter, the first fence (four lines), a blank line, the fence and its first line.
    const findings = await checkDiagrams(packageWith(good, broken));
    expect(findings).toEqual([expect.objectContaining({ code: 'mermaid-invalid', file: 'procedures/standard/order.mdx', line: 17 })]);
    expect(findings[0]!.message).toMatch(/^the diagram does not parse near "A\[Order entered --> B"/);
  });

  it('does not parse the diagrams the caller vouches for, and still parses the others', async () => {
    const vouched: string[] = [];
    const knownValid = (source: string) => (vouched.push(source), source === good);
    expect(await checkDiagrams(packageWith(good), knownValid)).toEqual([]);
    expect(await checkDiagrams(packageWith(good, broken), knownValid)).toEqual([expect.objectContaining({ code: 'mermaid-invalid', line: 17 })]);
    // Proof that the vouched-for source is skipped: a broken one the caller vouches for goes unreported.
    expect(await checkDiagrams(packageWith(broken), () => true)).toEqual([]);
    expect(vouched).toEqual([good, good, broken]);
  });
});
