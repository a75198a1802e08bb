// `check` is the first half of `build`: on broken packages both print the same findings, and the
// build refuses. A spread of the broken corpus is built; the rest differ only in their defect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenCases, brokenDir } from '../fixtures/broken-cases.ts';
import { runCli, tempDir } from '../support/site.ts';

const refused = brokenCases.filter((c) => JSON.parse(readFileSync(join(brokenDir, c.name, 'expected.json'), 'utf8')).exitCode === 1);
const spread = refused.filter((_, index) => index % 12 === 0);

describe('check and build agree on broken packages', () => {
  it('covers a spread of the corpus', () => expect(spread.length).toBeGreaterThanOrEqual(12));

  it.each(spread.map((c) => [c.name] as const))('%s', async (name) => {
    const dir = join(brokenDir, name);
    const check = await runCli(['check', dir, '--today', '2026-09-30']);
    const build = await runCli(['build', dir, '--out', join(await tempDir('agree'), 'site'), '--today', '2026-09-30']);
    expect(check.code).toBe(1);
    expect(build.code).toBe(1);
    expect(build.stdout).toBe(check.stdout);
    expect(build.stderr).toContain('build refused because the package has errors');
  });
});
