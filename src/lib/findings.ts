/**
 * The finding catalogue: every problem `handover check` can report, with the
 * severity and the advice that go with it. DESIGN.md section 6 is the contract;
 * a code listed here is public and must not be renamed.
 */

export type Severity = 'error' | 'warning';

export interface FindingKind {
  severity: Severity;
  /** One line saying what kind of problem this is. */
  title: string;
  /** What the author should do about it. */
  hint: string;
}

export const findingCatalogue = {
  'yaml-syntax': {
    severity: 'error',
    title: 'The file cannot be read as YAML',
    hint: 'Fix the syntax at the line shown; a YAML linter in your editor points at the exact character.',
  },
  'schema-invalid': {
    severity: 'error',
    title: 'A field is missing or has the wrong type',
    hint: 'Compare the file with the format in the README (Authoring guide).',
  },
  'duplicate-id': {
    severity: 'error',
    title: 'Two records share one id',
    hint: 'Give each record its own id; links and exports rely on ids being unique.',
  },
  'unknown-role': {
    severity: 'error',
    title: 'A role id is not declared in roles.yaml',
    hint: 'Add the role to roles.yaml or use one of the ids declared there.',
  },
  'unknown-order-type': {
    severity: 'error',
    title: 'An order type is not declared in handover.yaml',
    hint: 'Add it to orderTypes in handover.yaml or use a declared id.',
  },
  'unknown-procedure': {
    severity: 'error',
    title: 'A reference points to a procedure, deck or quiz that does not exist',
    hint: 'Procedure ids are "<orderType>/<file name without .mdx>"; check the spelling.',
  },
  'approval-gap': {
    severity: 'error',
    title: 'Some values of an approval ladder have no approver',
    hint: 'Make each band start exactly where the previous one ends (over = previous upTo).',
  },
  'approval-overlap': {
    severity: 'error',
    title: 'Some values of an approval ladder have two approvers',
    hint: 'Make each band start exactly where the previous one ends (over = previous upTo).',
  },
  'approval-open-top': {
    severity: 'error',
    title: 'The approval ladder has no band for the highest values',
    hint: 'End the ladder with a band that has "over" and no "upTo".',
  },
  'mermaid-invalid': {
    severity: 'error',
    title: 'A Mermaid diagram does not parse',
    hint: 'Paste the diagram into a Mermaid editor to see the exact error.',
  },
  'quiz-invalid-answer': {
    severity: 'error',
    title: 'A quiz answer points to a choice that does not exist',
    hint: 'Answers are 0-based indices into the question\'s choices.',
  },
  'customization-missing-requirement': {
    severity: 'error',
    title: 'A customization has no requirement.mdx',
    hint: 'Every customizations/<ID>/ folder needs requirement.mdx.',
  },
  'customization-missing-implementation': {
    severity: 'error',
    title: 'A customization has no implementation.mdx',
    hint: 'Every customizations/<ID>/ folder needs implementation.mdx.',
  },
  'broken-link': {
    severity: 'error',
    title: 'A link points to a page that does not exist',
    hint: 'Link to procedures as /procedures/<orderType>/<slug>/.',
  },
  'mdx-syntax': {
    severity: 'error',
    title: 'A document body cannot be read as MDX',
    hint: 'Write a literal < as &lt; and a literal { as {\'{\'}; close every HTML tag (<br />); write comments as {/* comment */}.',
  },
  'mdx-code': {
    severity: 'error',
    title: 'A document body holds code (an import, an export or a JavaScript expression)',
    hint: 'A package is data and never runs code: write {\'{\'} for a literal brace; the portal\'s components need no import.',
  },
  'unsafe-html': {
    severity: 'error',
    title: 'Raw HTML that could run script or load foreign content',
    hint: 'Use plain formatting elements, <img> with an http(s) or relative src, and links to http(s), mailto or pages of the portal (README, Security).',
  },
  'deck-invalid': {
    severity: 'error',
    title: 'A deck cannot be prepared or rendered',
    hint: 'Check the deck\'s front matter and Marp directives at the line shown.',
  },
  'missing-file': {
    severity: 'error',
    title: 'A document names a file that is not in the package',
    hint: 'Put the file into the package at that path, or correct the path (paths are relative to the document).',
  },
  'outside-package': {
    severity: 'error',
    title: 'A path leads outside the package',
    hint: 'Copy the file into the package and name it by a path inside it; links that leave the package (.., absolute paths, symlinks) are refused.',
  },
  'approval-rank-inversion': {
    severity: 'warning',
    title: 'A higher band is approved by a lower-ranked role',
    hint: 'Check the ladder: authority usually rises with the value.',
  },
  'approval-sod': {
    severity: 'warning',
    title: 'The initiator of a request may approve it',
    hint: 'Segregation of duties: let a different role approve.',
  },
  'missing-procedure': {
    severity: 'warning',
    title: 'An order type has no procedure',
    hint: 'Write procedures/<orderType>/<slug>.mdx or remove the order type.',
  },
  'missing-diagram': {
    severity: 'warning',
    title: 'A key procedure has no flow diagram',
    hint: 'Add a ```mermaid fence: key procedures are trained from their diagrams.',
  },
  'customization-missing-tests': {
    severity: 'warning',
    title: 'A customization has no test records',
    hint: 'Add customizations/<ID>/tests.yaml with the acceptance test records.',
  },
  'test-failed': {
    severity: 'warning',
    title: 'A failed test has neither a limitation nor a waiver',
    hint: 'Record the usage limitation or the waiver agreed with the business.',
  },
  'review-overdue': {
    severity: 'warning',
    title: 'A procedure is past its review date',
    hint: 'Review the procedure, then raise version and reviewBy.',
  },
  'conflict-check-overdue': {
    severity: 'warning',
    title: 'A follow-up check of a conflict is overdue',
    hint: 'Carry out the check and record done and finding.',
  },
  'masterdata-open-create': {
    severity: 'warning',
    title: 'Too many roles, or the least senior, may create a kind of master data',
    hint: 'Give creation to the owner and at most a few named roles; let the others request new records.',
  },
  'masterdata-no-duplicate-check': {
    severity: 'warning',
    title: 'Others than the owner create master data without a duplicate check',
    hint: 'Write the duplicateCheck: what is searched (name, VAT number, terms) before a record is created.',
  },
  'placeholder-left': {
    severity: 'warning',
    title: 'Text that handover new wrote to be replaced is still there',
    hint: 'Replace it with the real content, or delete it.',
  },
  'missing-steps': {
    severity: 'warning',
    title: 'A procedure has no Steps list',
    hint: 'Write a numbered list under a "## Steps" heading (## 步骤 in Chinese packages).',
  },
  'unknown-currency': {
    severity: 'warning',
    title: 'A currency or ladder unit is not an ISO currency code',
    hint: 'Write % for shares and a three-letter ISO 4217 code (EUR, USD, CNY) for amounts.',
  },
  'duplicate-flow': {
    severity: 'warning',
    title: 'A procedure has more than one flowchart',
    hint: 'Keep one flow per procedure: decks and comparisons take the first; split the procedure if it holds two processes.',
  },
  'issue-open': {
    severity: 'warning',
    title: 'An issue has no archived solution',
    hint: 'Solve it, then write the solution into issues.yaml step by step and set status: resolved, so the next person can solve it alone.',
  },
  'internal-reference': {
    severity: 'warning',
    title: 'A public document names an internal one',
    hint: 'The public portal leaves the reference out; make both public, or accept that public readers will not see it.',
  },
  'deck-uncovered': {
    severity: 'warning',
    title: 'No deck covers a key procedure',
    hint: 'Add the procedure to the covers of a deck.',
  },
  'version-not-bumped': {
    severity: 'warning',
    title: 'A procedure changed since the baseline but kept its version',
    hint: 'Raise version and add a revisions entry saying what changed, so a signed-off version always names one text.',
  },
} as const satisfies Record<string, FindingKind>;

export type FindingCode = keyof typeof findingCatalogue;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Path relative to the package directory, with forward slashes. */
  file: string;
  /** 1-based line in the file, where the source has one. */
  line?: number;
  /** Dotted field path inside the file, e.g. `approvals.0.bands.1.upTo`. */
  field?: string;
  message: string;
  hint?: string;
}

export interface FindingLocation {
  file: string;
  line?: number;
  field?: string;
}

/**
 * The one way to make a finding, so severity always comes from the catalogue;
 * the hint too, unless the cause calls for a more precise one.
 */
export function finding(code: FindingCode, where: FindingLocation, message: string, hint?: string): Finding {
  const kind: FindingKind = findingCatalogue[code];
  // Key order follows the contract so `--json` reads naturally: code, severity, file, line, field, message, hint.
  return {
    code,
    severity: kind.severity,
    file: where.file,
    ...(where.line !== undefined && { line: where.line }),
    ...(where.field !== undefined && where.field !== '' && { field: where.field }),
    message,
    hint: hint ?? kind.hint,
  };
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  files: number;
  byCode: Partial<Record<FindingCode, number>>;
}

export function summarize(findings: readonly Finding[], filesChecked: number): FindingSummary {
  const byCode: Partial<Record<FindingCode, number>> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    files: filesChecked,
    byCode,
  };
}

/** Stable order: by file, then line, then code, so output and snapshots do not flicker. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
