import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingCatalogue } from '../../src/lib/findings.ts';
import { repoRoot } from '../support/package.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The codes of the table that follows a heading line such as "Errors (exit 1 ...):". */
function tableCodes(lead: string): string[] {
  const start = readme.indexOf(lead);
  expect(start, lead).toBeGreaterThan(0);
  const table = readme.slice(start).split('\n\n')[1]!;
  return [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]!);
}

describe('README', () => {
  it('lists every finding code of the catalogue, each under its severity, and no other', () => {
    const byCode = (severity: string) => Object.entries(findingCatalogue).filter(([, kind]) => kind.severity === severity).map(([code]) => code).sort();
    expect(tableCodes('Errors (exit 1').sort()).toEqual(byCode('error'));
    expect(tableCodes('Warnings (reported').sort()).toEqual(byCode('warning'));
  });

  it("quotes .ci/run's list of Debian packages in its set-up line", () => {
    const packages = readFileSync(join(repoRoot, '.ci/debian-packages'), 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    expect(readme).toContain(`apt-get install -y ${packages.join(' ')}`);
  });
});
