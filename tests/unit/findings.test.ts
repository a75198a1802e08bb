import { describe, expect, it } from 'vitest';
import { finding, findingCatalogue, findingMessage, type FindingCode, type FindingDetail } from '../../src/lib/findings.ts';
import { interval, roles, samples } from '../support/finding-samples.ts';

describe('the finding catalogue', () => {
  it.each(Object.keys(findingCatalogue) as FindingCode[])('%s renders a sentence from each kind of detail', (code) => {
    const details: readonly FindingDetail<FindingCode>[] = samples[code];
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) {
      const message = findingMessage(code, detail);
      expect(message, JSON.stringify(detail)).toMatch(/\w/);
      // A field the message function read that the detail does not have, or an object written out whole.
      expect(message, JSON.stringify(detail)).not.toMatch(/undefined|\[object /);
    }
  });

  it('suggests a near miss for an unknown role, and nothing for a far one', () => {
    expect(findingMessage('unknown-role', { role: 'sales-rp', known: roles })).toBe('role "sales-rp" is not declared in roles.yaml; did you mean "sales-rep"?');
    expect(findingMessage('unknown-role', { role: 'auditor', known: roles })).toBe('role "auditor" is not declared in roles.yaml');
  });

  it('words a missing or outside path the same for evidence and for a file a document names', () => {
    expect(findingMessage('missing-file', { what: 'evidence', path: 'shots/error.png', lookedFor: 'shots/error.png' })).toBe(
      'evidence "shots/error.png" is not a file of the package (looked for shots/error.png)',
    );
    expect(findingMessage('missing-file', { what: 'file', path: '../images/flow.png', lookedFor: 'images/flow.png' })).toBe('"../images/flow.png" is not a file of the package (looked for images/flow.png)');
    expect(findingMessage('outside-package', { reason: 'leaves-package', what: 'evidence', path: '../x.png' })).toBe('evidence "../x.png" leads outside the package');
  });

  it('writes the values of a ladder as intervals, agreeing the verb with one value or many', () => {
    expect(findingMessage('approval-gap', { metric: 'discount', unit: '%', values: interval(5, 6) })).toBe('discount values in (5, 6] % have no approver');
    expect(findingMessage('approval-gap', { metric: 'discount', unit: '%', values: interval(0, 0, true) })).toBe('discount value 0 % has no approver');
    expect(findingMessage('approval-overlap', { metric: 'discount', unit: '%', values: interval(5, 6), approvers: ['boss', 'boss'] })).toBe('discount values in (5, 6] % fall in two bands (both approved by boss)');
  });

  it('names the control character, the record a duplicate id belongs to, what the Mermaid parser expected and what changed without a new version', () => {
    expect(findingMessage('yaml-syntax', { reason: 'control-character', codePoint: 0 })).toBe(
      'the line holds the invisible control character U+0000 (NUL); delete it (it often comes from copying out of another program)',
    );
    expect(findingMessage('duplicate-id', { reason: 'declared-twice', what: 'test-record', id: 'T-1', first: {} })).toBe('test record "T-1" is declared twice (first at line ?)');
    expect(findingMessage('mermaid-invalid', { reason: 'unexpected-token', expected: ['A', 'B', 'C', 'D', 'E', 'F'], got: 'EOF' })).toBe('the diagram does not parse: expected A, B, C, D, E, ..., got the end of the diagram');
    expect(findingMessage('version-not-bumped', { frontmatter: true, body: true, version: '1.2' })).toBe('the front matter and body changed since the baseline, but the version is still "1.2"');
  });
});

describe('finding', () => {
  it('takes severity, message and hint from the catalogue, in the order of the JSON contract', () => {
    const made = finding('review-overdue', { file: 'procedures/standard/return.mdx', line: 7, field: '' }, { due: new Date(Date.UTC(2026, 5, 1)) });
    expect(Object.keys(made)).toEqual(['code', 'severity', 'file', 'line', 'message', 'hint']);
    expect(made).toEqual({
      code: 'review-overdue',
      severity: 'warning',
      file: 'procedures/standard/return.mdx',
      line: 7,
      message: 'review was due on 2026-06-01',
      hint: 'Review the procedure, then raise version and reviewBy.',
    });
  });

  it('keeps a more precise hint the check gives', () => {
    expect(finding('mdx-syntax', { file: 'pages/a.mdx' }, { problem: 'Unexpected closing tag' }, 'Close the tag.')).toMatchObject({ message: 'the body is not valid MDX: Unexpected closing tag', hint: 'Close the tag.' });
  });
});
