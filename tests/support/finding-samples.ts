import type { FindingCode, FindingDetail } from '../../src/lib/findings.ts';

/**
 * Representative details of every finding code, shared by the tests of the
 * English catalogue and of each translation, so every language renders the
 * same cases.
 */

export const interval = (lower: number, upper: number, lowerInclusive = false, upperInclusive = true) => ({ lower, lowerInclusive, upper, upperInclusive });
export const roles = new Set(['sales-rep', 'sales-manager', 'controller']);
export const procedures = new Set(['standard/sales-order', 'standard/return']);
export const embed = { kind: 'flow', procedureId: 'standard/sales-order' } as const;

/** Each kind of detail of every code, as a check hands it over; the type makes a new code need samples here. */
export const samples: { [C in FindingCode]: readonly FindingDetail<C>[] } = {
  'yaml-syntax': [
    { reason: 'utf16' },
    { reason: 'not-utf8' },
    { reason: 'carriage-returns' },
    { reason: 'control-character', codePoint: 0x1b },
    { reason: 'unclosed-quote', quote: '"' },
    { reason: 'over-indented' },
    { reason: 'tab-indent' },
    { reason: 'duplicate-key', key: 'owner' },
    { reason: 'duplicate-key' },
    { reason: 'tag', tag: '!!js/function' },
    { reason: 'unresolved-alias', alias: 'base' },
    { reason: 'alias-count' },
    { reason: 'parser', problem: 'Nested mappings are not allowed in compact mappings', column: 7 },
  ],
  'schema-invalid': [
    { reason: 'schema', problem: 'required field is missing (expected text)' },
    { reason: 'unknown-field', field: 'ownr', known: new Set(['owner', 'title']) },
    { reason: 'empty-file' },
    { reason: 'required-file-missing', file: 'roles.yaml' },
    { reason: 'handover-missing' },
    { reason: 'not-a-list', got: { id: 'rep' } },
    { reason: 'empty-document' },
    { reason: 'unclosed-frontmatter' },
    { reason: 'no-frontmatter' },
    { reason: 'extension-case', rename: 'procedures/standard/order.mdx' },
    { reason: 'misplaced', folder: 'decks' },
    { reason: 'unknown-top-level', path: 'role.yaml', topLevel: new Set(['handover.yaml', 'roles.yaml']) },
    { reason: 'order-type-folder', orderType: 'rush', folder: 'standard' },
    { reason: 'variant-cycle', cycle: ['standard/a', 'standard/b', 'standard/a'] },
    { reason: 'unaddressable-name', what: 'deck', name: 'intro & review' },
    { reason: 'band-order', metric: 'discount', unit: '%', band: interval(0, 5, true), previous: interval(5, 10) },
    { reason: 'metric-unit', metric: 'order-amount', unit: 'USD', usual: 'EUR', usedBy: { ladderIndex: 0, file: 'procedures/standard/return.mdx' } },
    { reason: 'nothing-to-embed', embed, file: 'procedures/standard/sales-order.mdx' },
    { reason: 'not-an-embed', text: '{{flows standard/sales-order}}' },
    { reason: 'baseline-unreadable', problem: '"v1.0" is neither a folder nor a revision of the git repository at /srv/handover' },
  ],
  'duplicate-id': [
    { reason: 'declared-twice', what: 'glossary-term', id: 'backorder', first: { line: 4 } },
    { reason: 'declared-twice', what: 'order-type', id: 'standard' },
    { reason: 'letter-case', id: 'standard/Order', first: 'standard/order' },
  ],
  'unknown-role': [{ role: 'sales-rp', known: roles }],
  'unknown-order-type': [{ orderType: 'standrd', known: new Set(['standard']) }],
  'unknown-procedure': [
    { kind: 'reference', id: 'standard/retrun', known: procedures },
    { kind: 'learning-path-step', step: 'deck:intro', target: 'deck', slug: 'intro', known: new Set(['intro-deck']) },
    { kind: 'self-based' },
    { kind: 'deck-embed', embed, known: procedures },
    { kind: 'internal-embed', embed },
  ],
  'approval-gap': [{ metric: 'discount', unit: '%', values: interval(5, 6) }],
  'approval-overlap': [{ metric: 'discount', unit: '%', values: interval(5, 6), approvers: ['sales-rep', 'sales-manager'] }],
  'approval-open-top': [{ metric: 'order-amount', unit: 'EUR', over: 50000 }],
  'mermaid-invalid': [
    { reason: 'unexpected-token', near: 'A --> B[Confirm', expected: ['SQE', 'PE'], got: '1' },
    { reason: 'parser', problem: 'No diagram type detected matching given configuration for text: flowchat TD' },
    { reason: 'parser' },
  ],
  'quiz-invalid-answer': [{ problem: 'the same choice is listed twice' }],
  'customization-missing-requirement': [{ customization: 'CR-7' }],
  'customization-missing-implementation': [{ customization: 'CR-7' }],
  'broken-link': [
    { reason: 'no-page', url: '../retrun/', page: '/procedures/standard/retrun/' },
    { reason: 'internal-page', url: '/procedures/internal/audit/', page: '/procedures/internal/audit/' },
    { reason: 'no-anchor', url: '#step-9', page: '/procedures/standard/return/', anchor: 'step-9' },
  ],
  'mdx-syntax': [{ problem: 'Unexpected character `5` (U+0035) before name' }],
  'mdx-code': [
    { reason: 'import-export', code: "import Chart from './chart.js'\nexport default Chart" },
    { reason: 'expression', code: ' process.env.HOME ' },
    { reason: 'attribute', element: 'div', attribute: 'style' },
    { reason: 'attribute', element: 'div' },
  ],
  'unsafe-html': [
    { reason: 'element', element: 'script' },
    { reason: 'attribute', element: 'img', problem: { rule: 'event-handler', attribute: 'onerror' } },
    { reason: 'attribute', element: 'div', problem: { rule: 'attribute', attribute: 'formaction' } },
    { reason: 'attribute', element: 'span', problem: { rule: 'style' } },
    { reason: 'link', problem: { rule: 'scheme', url: 'javascript:alert(1)', scheme: 'javascript' } },
    { reason: 'image', problem: { rule: 'scheme', url: 'data:image/svg+xml,<svg/>', scheme: 'data' } },
  ],
  'deck-invalid': [{ problem: 'Unexpected token in theme directive' }],
  'missing-file': [
    { what: 'evidence', path: 'shots/error.png', lookedFor: 'shots/error.png' },
    { what: 'file', path: '../images/flow.png', lookedFor: 'images/flow.png' },
  ],
  'outside-package': [
    { reason: 'leaves-package', what: 'evidence', path: '../../secret.png' },
    { reason: 'leaves-package', what: 'file', path: '/etc/passwd' },
    { reason: 'web-address', path: 'https://example.com/logo.png' },
  ],
  'approval-rank-inversion': [{ metric: 'discount', unit: '%', values: interval(10, Infinity, false, false), approver: 'sales-rep', rank: 1, below: { values: interval(5, 10), approver: 'sales-manager', rank: 2 } }],
  'approval-sod': [
    { reason: 'band', metric: 'discount', unit: '%', values: interval(0, 5, true), initiator: 'sales-rep' },
    { reason: 'condition', metric: 'discount', when: 'the customer is new', initiator: 'sales-rep' },
  ],
  'missing-procedure': [{ orderType: 'rush', name: 'Rush order' }],
  'missing-diagram': [{}],
  'customization-missing-tests': [{ customization: 'CR-7' }],
  'test-failed': [{ test: 'T-3', case: 'Credit limit blocks the order' }],
  'review-overdue': [{ due: new Date(Date.UTC(2026, 5, 1)) }],
  'conflict-check-overdue': [{ conflict: 'CF-2', due: new Date(Date.UTC(2026, 4, 1)) }],
  'masterdata-open-create': [
    { reason: 'too-many-roles', entity: 'Customer', count: 5 },
    { reason: 'least-senior', entity: 'Customer', roles: ['clerk', 'intern'] },
  ],
  'masterdata-no-duplicate-check': [{ entity: 'Customer', owner: 'controller' }],
  'placeholder-left': [
    { placeholder: 'Describe the purpose here.', in: 'document' },
    { placeholder: 'Describe the purpose here.', in: 'field' },
  ],
  'missing-steps': [{}],
  'unknown-currency': [
    { reason: 'ladder-unit', unit: 'Euro' },
    { reason: 'currency', currency: 'RMB' },
  ],
  'duplicate-flow': [{}],
  'issue-open': [
    { reason: 'open', issue: 'I-4', summary: 'Invoices print twice' },
    { reason: 'no-solution', issue: 'I-5' },
  ],
  'remote-image': [{ url: 'https://img.shields.io/badge/build-passing-green' }],
  'internal-reference': [
    { reason: 'procedure', id: 'internal/audit' },
    { reason: 'learning-path-step', step: 'quiz:audit' },
  ],
  'deck-uncovered': [{}],
  'version-not-bumped': [
    { frontmatter: true, body: false, version: '1.2' },
    { frontmatter: true, body: true, version: '1.2' },
  ],
};
