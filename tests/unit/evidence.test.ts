import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../../src/lib/evidence.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { MINIMAL_PACKAGE, filesOf } from '../support/package.ts';

const issues = `- id: ISS-1\n  reported: 2026-02-01\n  reporter: A\n  category: system\n  summary: S\n  status: resolved\n  solution: Done\n  evidence:\n    - evidence/screen.png\n    - evidence/gone.png\n    - ../../etc/passwd\n`;

describe('evidenceOf', () => {
  it('publishes the evidence in the package and reports what is missing or outside, at its line', () => {
    const { pkg } = loadPackage(filesOf({ ...MINIMAL_PACKAGE, 'issues.yaml': issues }));
    const { files, findings } = evidenceOf(pkg, { files: new Set(['evidence/screen.png']), outside: new Set() });
    expect(files).toEqual([{ issueId: 'ISS-1', written: 'evidence/screen.png', path: 'evidence/screen.png' }]);
    expect(findings.map((f) => [f.code, f.line, f.field])).toEqual([
      ['missing-file', 10, '0.evidence.1'],
      ['outside-package', 11, '0.evidence.2'],
    ]);
  });
});
