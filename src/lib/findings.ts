/**
 * The finding catalogue: every problem `handover check` can report, with the
 * severity, the advice and the wording that go with it. DESIGN.md section 6
 * is the contract; a code listed here is public and must not be renamed.
 *
 * A check hands over what it found as the code's detail, and the catalogue
 * writes the sentence, so each code reads the same wherever it is found.
 * The sentences are English. A second language (zh-CN is planned) is a
 * second table of message functions over the same details, which is why a
 * detail holds ids, names and numbers rather than words: only the text a
 * library or a schema wrote comes as a `problem` string.
 */
import { formatDate } from './dates.ts';
import type { Interval } from './ladder-analysis.ts';
import type { UnsafeAttribute, UnsafeUrl } from './markup-policy.ts';
import { suggest } from './suggest.ts';

export type Severity = 'error' | 'warning';

export interface FindingKind<D> {
  severity: Severity;
  /** One line saying what kind of problem this is. */
  title: string;
  /** What the author should do about it. */
  hint: string;
  /** The finding's message, written from what the check found. */
  message: (detail: D) => string;
}

/** One catalogue entry; written through this so the entry keeps the type of its detail. */
function kind<D>(entry: FindingKind<D>): FindingKind<D> {
  return entry;
}

/** The detail of a code whose message says all there is. */
type NoDetail = Record<string, never>;

/** What a library or a schema said about the problem, in its own words. */
interface Problem {
  problem: string;
}

/** A deck embed line, `{{approvals <procedure-id>}}` or `{{flow <procedure-id>}}`. */
interface EmbedLine {
  kind: 'approvals' | 'flow';
  procedureId: string;
}

/** The kinds of record whose ids must be unique. */
export type RecordKind = 'order-type' | 'learning-path' | 'master-data-rule' | 'role' | 'glossary-term' | 'conflict' | 'issue' | 'test-record';

/** The folders of the package format, each with its own rule for what it holds. */
export type PackageFolder = 'procedures' | 'customizations' | 'decks' | 'quizzes' | 'pages';

/** The files whose names become page addresses. */
export type AddressedName = 'procedure' | 'customization' | 'deck' | 'quiz' | 'page';

/** A path an author wrote: the evidence of an issue, or a file a document names (an image, a background). */
type NamedPath = { what: 'evidence' | 'file'; path: string };

const RECORD_NAMES: Record<RecordKind, string> = {
  'order-type': 'order type',
  'learning-path': 'learning path',
  'master-data-rule': 'master-data rule',
  role: 'role',
  'glossary-term': 'glossary term',
  conflict: 'conflict',
  issue: 'issue',
  'test-record': 'test record',
};

const FOLDER_RULES: Record<PackageFolder, string> = {
  procedures: 'procedures are .mdx files in a folder per order type: procedures/<orderType>/<slug>.mdx',
  customizations: 'a customization folder customizations/<ID>/ holds requirement.mdx, implementation.mdx and tests.yaml',
  decks: 'decks are Marp Markdown files directly in decks/: decks/<slug>.md',
  quizzes: 'quizzes are YAML files directly in quizzes/: quizzes/<slug>.yaml',
  pages: 'free pages are .mdx files under pages/',
};

const ADDRESSED_NAMES: Record<AddressedName, string> = {
  procedure: 'procedure folder or file name',
  customization: 'customization folder name',
  deck: 'deck file name',
  quiz: 'quiz file name',
  page: 'page folder or file name',
};

/** At most `length` characters of a text an author wrote, so a long one does not drown the message. */
const shortened = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 3)}...` : text);

/** How a value reads to an author who wrote it in YAML. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${shortened(value, 40)}"`;
  return `${typeof value} ${String(value)}`;
}

/** Plain number: no thousands separators, so it reads the same as in the YAML. */
function plain(value: number): string {
  return value === Infinity ? '∞' : String(value);
}

/** Mathematical interval notation: `(5, 6]`, `[0, 2]`, `(15, ∞)`. */
function intervalNotation(interval: Interval): string {
  const open = interval.lowerInclusive ? '[' : '(';
  const close = interval.upperInclusive && interval.upper !== Infinity ? ']' : ')';
  return `${open}${plain(interval.lower)}, ${plain(interval.upper)}${close}`;
}

/** `values in (5, 6] %`, `values in (15, ∞) EUR`; a single value reads `value 0 %`. */
function formatInterval(interval: Interval, unit: string): string {
  if (interval.lower === interval.upper) return `value ${plain(interval.lower)} ${unit}`;
  return `values in ${intervalNotation(interval)} ${unit}`;
}

/** Agreement of a verb with `value x` / `values in ...`. */
function verb(interval: Interval, singular: string, plural: string): string {
  return interval.lower === interval.upper ? singular : plural;
}

const embedSyntax = (embed: EmbedLine) => `{{${embed.kind} ${embed.procedureId}}}`;

const namedPath = ({ what, path }: NamedPath) => `${what === 'evidence' ? 'evidence ' : ''}"${path}"`;

function unsafeUrlText({ url, scheme }: UnsafeUrl): string {
  return `the address "${shortened(url, 60)}" uses the ${scheme}: scheme, which can run script or load content the portal does not control`;
}

function unsafeAttributeText(problem: UnsafeAttribute): string {
  switch (problem.rule) {
    case 'event-handler':
      return `the event-handler attribute ${problem.attribute} would run script`;
    case 'attribute':
      return `the attribute ${problem.attribute} is not allowed in a package`;
    case 'style':
      return 'the style attribute loads a URL or runs an expression';
    case 'scheme':
      return unsafeUrlText(problem);
  }
}

export const findingCatalogue = {
  'yaml-syntax': kind<
    | { reason: 'utf16' }
    | { reason: 'not-utf8' }
    | { reason: 'carriage-returns' }
    | { reason: 'control-character'; codePoint: number }
    | { reason: 'unclosed-quote'; quote: '"' | "'" }
    | { reason: 'over-indented' }
    | { reason: 'tab-indent' }
    | { reason: 'duplicate-key'; key?: string }
    | { reason: 'tag'; tag?: string }
    | { reason: 'unresolved-alias'; alias: string }
    | { reason: 'alias-count' }
    | ({ reason: 'parser'; column: number } & Problem)
  >({
    severity: 'error',
    title: 'The file cannot be read as YAML',
    hint: 'Fix the syntax at the line shown; a YAML linter in your editor points at the exact character.',
    message: (detail) => {
      switch (detail.reason) {
        case 'utf16':
          return 'the file is saved as UTF-16 (every other byte is zero); save it as UTF-8';
        case 'not-utf8':
          return 'the file is not valid UTF-8 text; save it as UTF-8 (it may have been saved as GBK or Latin-1)';
        case 'carriage-returns':
          return 'the file ends its lines with a carriage return only (old Mac style); save it with LF or CRLF line ends';
        case 'control-character': {
          const code = detail.codePoint.toString(16).toUpperCase().padStart(4, '0');
          return `the line holds the invisible control character U+${code}${code === '0000' ? ' (NUL)' : ''}; delete it (it often comes from copying out of another program)`;
        }
        case 'unclosed-quote':
          return `a value opened with ${detail.quote} is never closed; add the closing ${detail.quote} on this line`;
        case 'over-indented':
          return 'this line is indented more than the line above allows; align it with the fields it belongs to';
        case 'tab-indent':
          return 'a tab is used for indentation; YAML allows only spaces';
        case 'duplicate-key':
          return `the field${detail.key ? ` "${detail.key}"` : ''} appears twice in the same record; keep one`;
        case 'tag':
          return `the tag ${detail.tag ?? 'a tag'} is not allowed: a package holds plain text, numbers, dates, lists and records; remove the tag`;
        case 'unresolved-alias':
          return `the alias *${detail.alias} names no anchor &${detail.alias} above it; write the value itself (a * at the start of a value starts an alias: quote the value)`;
        case 'alias-count':
          return 'the file uses so many aliases (*name) that its data would grow beyond any sensible size; write the values out';
        case 'parser':
          return `${detail.problem} (column ${detail.column})`;
      }
    },
  }),
  'schema-invalid': kind<
    | ({ reason: 'schema' } & Problem)
    | { reason: 'unknown-field'; field: string; known: ReadonlySet<string> }
    | { reason: 'empty-file' }
    | { reason: 'required-file-missing'; file: string }
    | { reason: 'handover-missing' }
    | { reason: 'not-a-list'; got: unknown }
    | { reason: 'empty-document' }
    | { reason: 'unclosed-frontmatter' }
    | { reason: 'no-frontmatter' }
    | { reason: 'extension-case'; rename: string }
    | { reason: 'misplaced'; folder: PackageFolder }
    | { reason: 'unknown-top-level'; path: string; topLevel: ReadonlySet<string> }
    | { reason: 'order-type-folder'; orderType: string; folder: string }
    | { reason: 'variant-cycle'; cycle: readonly string[] }
    | { reason: 'unaddressable-name'; what: AddressedName; name: string }
    | { reason: 'band-order'; metric: string; unit: string; band: Interval; previous: Interval }
    /** `usedBy` is a ladder in the metric's usual unit: in `file`, or in this procedure when there is no file. */
    | { reason: 'metric-unit'; metric: string; unit: string; usual: string; usedBy: { ladderIndex: number; file?: string } }
    | { reason: 'nothing-to-embed'; embed: EmbedLine; file: string }
    | { reason: 'not-an-embed'; text: string }
    /** Why the baseline handover.yaml names could not be read, in the words of what read it (the folder or git revision reader). */
    | ({ reason: 'baseline-unreadable' } & Problem)
  >({
    severity: 'error',
    title: 'A field is missing or has the wrong type',
    hint: 'Compare the file with the format in the README (Authoring guide).',
    message: (detail) => {
      switch (detail.reason) {
        case 'schema':
          return detail.problem;
        case 'unknown-field':
          return `unknown field${suggest(detail.field, detail.known)}`;
        case 'empty-file':
          return 'the file is empty';
        case 'required-file-missing':
          return `${detail.file} is missing; every package needs it`;
        case 'handover-missing':
          return 'handover.yaml is missing; it names the package, its locale and its order types';
        case 'not-a-list':
          return `expected a list of records (lines starting with "- "), got ${describeValue(detail.got)}`;
        case 'empty-document':
          return 'the file is empty; it needs a frontmatter block between --- lines';
        case 'unclosed-frontmatter':
          return 'the frontmatter opened on line 1 is never closed; add a --- line after the last field';
        case 'no-frontmatter':
          return 'the file has no frontmatter; start it with a --- line, the fields, and another --- line';
        case 'extension-case':
          return `this file is ignored because its extension is not written in lower case: rename it to ${detail.rename}`;
        case 'misplaced':
          return `this file is not part of the package format and is ignored: ${FOLDER_RULES[detail.folder]}`;
        case 'unknown-top-level':
          return `this file is not part of the package format and is ignored: the top-level files are ${[...detail.topLevel].join(', ')}${suggest(detail.path, detail.topLevel)}`;
        case 'order-type-folder':
          return `orderType "${detail.orderType}" does not match the folder procedures/${detail.folder}/; move the file or correct the field`;
        case 'variant-cycle':
          return `the variants form a cycle (${detail.cycle.join(' → ')}); make one of them the base, without basedOn`;
        case 'unaddressable-name':
          return `the ${ADDRESSED_NAMES[detail.what]} "${detail.name}" becomes part of a page address and may hold only letters, digits, - and _; rename it (e.g. "${detail.name.trim().replace(/[^\p{L}\p{N}_-]+/gu, '-')}")`;
        case 'band-order':
          return `${detail.metric} band ${intervalNotation(detail.band)} ${detail.unit} is listed after band ${intervalNotation(detail.previous)} ${detail.unit}: bands must be listed in ascending order of value`;
        case 'metric-unit': {
          const { metric, unit, usual, usedBy } = detail;
          return `metric "${metric}" is measured in ${unit} here but in ${usual} by ladder ${usedBy.ladderIndex + 1} of ${usedBy.file ?? 'this procedure'}: a metric has one unit; use ${usual}, or give this ladder a metric of its own`;
        }
        case 'nothing-to-embed':
          return detail.embed.kind === 'approvals'
            ? `${embedSyntax(detail.embed)}: ${detail.file} has no approvals to show; add an "approvals" ladder to its frontmatter or remove the line`
            : `${embedSyntax(detail.embed)}: ${detail.file} has no flow diagram to show; add a \`\`\`mermaid fence to it or remove the line`;
        case 'not-an-embed':
          return `"${detail.text}" is not a deck embed; write {{approvals <procedure-id>}} or {{flow <procedure-id>}} on a line of its own`;
        case 'baseline-unreadable':
          return detail.problem;
      }
    },
  }),
  'duplicate-id': kind<
    /** `first` says where the first of the two is written, for records whose findings point at the second. */
    | { reason: 'declared-twice'; what: RecordKind; id: string; first?: { line?: number } }
    | { reason: 'letter-case'; id: string; first: string }
  >({
    severity: 'error',
    title: 'Two records share one id',
    hint: 'Give each record its own id; links and exports rely on ids being unique.',
    message: (detail) =>
      detail.reason === 'letter-case'
        ? `procedure id "${detail.id}" differs from "${detail.first}" only in letter case; both would have the same address`
        : `${RECORD_NAMES[detail.what]} "${detail.id}" is declared twice${detail.first ? ` (first at line ${detail.first.line ?? '?'})` : ''}`,
  }),
  'unknown-role': kind<{ role: string; known: ReadonlySet<string> }>({
    severity: 'error',
    title: 'A role id is not declared in roles.yaml',
    hint: 'Add the role to roles.yaml or use one of the ids declared there.',
    message: ({ role, known }) => `role "${role}" is not declared in roles.yaml${suggest(role, known)}`,
  }),
  'unknown-order-type': kind<{ orderType: string; known: ReadonlySet<string> }>({
    severity: 'error',
    title: 'An order type is not declared in handover.yaml',
    hint: 'Add it to orderTypes in handover.yaml or use a declared id.',
    message: ({ orderType, known }) => `order type "${orderType}" is not declared in handover.yaml${suggest(orderType, known)}`,
  }),
  'unknown-procedure': kind<
    | { kind: 'reference'; id: string; known: ReadonlySet<string> }
    /** A learning-path step names a procedure, or a deck or quiz as `deck:<slug>` / `quiz:<slug>`. */
    | { kind: 'learning-path-step'; step: string; target: 'procedure' | 'deck' | 'quiz'; slug: string; known: ReadonlySet<string> }
    | { kind: 'self-based' }
    | { kind: 'deck-embed'; embed: EmbedLine; known: ReadonlySet<string> }
    | { kind: 'internal-embed'; embed: EmbedLine }
  >({
    severity: 'error',
    title: 'A reference points to a procedure, deck or quiz that does not exist',
    hint: 'Procedure ids are "<orderType>/<file name without .mdx>"; check the spelling.',
    message: (detail) => {
      switch (detail.kind) {
        case 'reference':
          return `procedure "${detail.id}" does not exist${suggest(detail.id, detail.known)}`;
        case 'learning-path-step':
          return `learning path step "${detail.step}": no ${detail.target} "${detail.slug}" exists${suggest(detail.slug, detail.known)}`;
        case 'self-based':
          return 'a procedure cannot be based on itself';
        case 'deck-embed':
          return `${embedSyntax(detail.embed)}: procedure "${detail.embed.procedureId}" does not exist${suggest(detail.embed.procedureId, detail.known)}`;
        case 'internal-embed':
          return `${embedSyntax(detail.embed)}: procedure "${detail.embed.procedureId}" is internal, so the public portal leaves it out; a public deck cannot embed it (mark the deck "audience: internal" or remove the line)`;
      }
    },
  }),
  'approval-gap': kind<{ metric: string; unit: string; values: Interval }>({
    severity: 'error',
    title: 'Some values of an approval ladder have no approver',
    hint: 'Make each band start exactly where the previous one ends (over = previous upTo).',
    message: ({ metric, unit, values }) => `${metric} ${formatInterval(values, unit)} ${verb(values, 'has', 'have')} no approver`,
  }),
  'approval-overlap': kind<{ metric: string; unit: string; values: Interval; approvers: readonly [string, string] }>({
    severity: 'error',
    title: 'Some values of an approval ladder have two approvers',
    hint: 'Make each band start exactly where the previous one ends (over = previous upTo).',
    message: ({ metric, unit, values, approvers: [earlier, later] }) =>
      `${metric} ${formatInterval(values, unit)} ${verb(values, 'falls', 'fall')} in two bands (${earlier === later ? `both approved by ${later}` : `${earlier} and ${later}`})`,
  }),
  'approval-open-top': kind<{ metric: string; unit: string; over: number }>({
    severity: 'error',
    title: 'The approval ladder has no band for the highest values',
    hint: 'End the ladder with a band that has "over" and no "upTo".',
    message: ({ metric, unit, over }) => `${metric} values over ${plain(over)} ${unit} have no approver: end the ladder with a band that has "over" and no "upTo"`,
  }),
  'mermaid-invalid': kind<
    /** `near` is the line the parser stopped at; `expected` the tokens it would have taken there, `got` the one it found. */
    | { reason: 'unexpected-token'; near?: string; expected: readonly string[]; got?: string }
    | { reason: 'parser'; near?: string; problem?: string }
  >({
    severity: 'error',
    title: 'A Mermaid diagram does not parse',
    hint: 'Paste the diagram into a Mermaid editor to see the exact error.',
    message: (detail) => {
      const where = detail.near ? ` near "${shortened(detail.near, 60)}"` : '';
      if (detail.reason === 'parser') return `the diagram does not parse${where}: ${detail.problem ?? 'unknown error'}`;
      const shown = detail.expected.slice(0, 5).join(', ') + (detail.expected.length > 5 ? ', ...' : '');
      return `the diagram does not parse${where}: expected ${shown}, got ${detail.got === 'EOF' ? 'the end of the diagram' : detail.got}`;
    },
  }),
  'quiz-invalid-answer': kind<Problem>({
    severity: 'error',
    title: 'A quiz answer points to a choice that does not exist',
    hint: 'Answers are 0-based indices into the question\'s choices.',
    message: ({ problem }) => problem,
  }),
  'customization-missing-requirement': kind<{ customization: string }>({
    severity: 'error',
    title: 'A customization has no requirement.mdx',
    hint: 'Every customizations/<ID>/ folder needs requirement.mdx.',
    message: ({ customization }) => `customization "${customization}" has no requirement.mdx`,
  }),
  'customization-missing-implementation': kind<{ customization: string }>({
    severity: 'error',
    title: 'A customization has no implementation.mdx',
    hint: 'Every customizations/<ID>/ folder needs implementation.mdx.',
    message: ({ customization }) => `customization "${customization}" has no implementation.mdx`,
  }),
  'broken-link': kind<{ reason: 'no-page' | 'internal-page'; url: string; page: string } | { reason: 'no-anchor'; url: string; page: string; anchor: string }>({
    severity: 'error',
    title: 'A link points to a page that does not exist',
    hint: 'Link to procedures as /procedures/<orderType>/<slug>/.',
    message: (detail) => {
      switch (detail.reason) {
        case 'no-page':
          return `link "${detail.url}" leads to ${detail.page}, which does not exist`;
        case 'internal-page':
          return `link "${detail.url}" leads to ${detail.page}, which is internal, and the public portal leaves it out`;
        case 'no-anchor':
          return `link "${detail.url}": ${detail.page} has no heading with the anchor "#${detail.anchor}"`;
      }
    },
  }),
  'mdx-syntax': kind<Problem>({
    severity: 'error',
    title: 'A document body cannot be read as MDX',
    hint: 'Write a literal < as &lt; and a literal { as {\'{\'}; close every HTML tag (<br />); write comments as {/* comment */}.',
    message: ({ problem }) => `the body is not valid MDX: ${problem}`,
  }),
  'mdx-code': kind<
    /** `code` is the source as written; `attribute` is absent for a spread (`{...props}`). */
    | { reason: 'import-export' | 'expression'; code: string }
    | { reason: 'attribute'; element: string; attribute?: string }
  >({
    severity: 'error',
    title: 'A document body holds code (an import, an export or a JavaScript expression)',
    hint: 'A package is data and never runs code: write {\'{\'} for a literal brace; the portal\'s components need no import.',
    message: (detail) => {
      switch (detail.reason) {
        case 'import-export':
          return `an import or export line would run code at build time: "${detail.code.split('\n')[0]}"`;
        case 'expression':
          return `{${detail.code.trim()}} is a JavaScript expression, which a package may not hold`;
        case 'attribute':
          return `the attribute ${detail.attribute ?? '{...}'} of <${detail.element}> is a JavaScript expression; write a quoted value`;
      }
    },
  }),
  'unsafe-html': kind<
    | { reason: 'element'; element: string }
    | { reason: 'attribute'; element: string; problem: UnsafeAttribute }
    | { reason: 'link' | 'image'; problem: UnsafeUrl }
  >({
    severity: 'error',
    title: 'Raw HTML that could run script or load foreign content',
    hint: 'Use plain formatting elements, <img> with an http(s) or relative src, and links to http(s), mailto or pages of the portal (README, Security).',
    message: (detail) => {
      switch (detail.reason) {
        case 'element':
          return `the element <${detail.element}> is not allowed in a package`;
        case 'attribute':
          return `<${detail.element}>: ${unsafeAttributeText(detail.problem)}`;
        case 'link':
          return `a link: ${unsafeUrlText(detail.problem)}`;
        case 'image':
          return `an image: ${unsafeUrlText(detail.problem)}`;
      }
    },
  }),
  'deck-invalid': kind<Problem>({
    severity: 'error',
    title: 'A deck cannot be prepared or rendered',
    hint: 'Check the deck\'s front matter and Marp directives at the line shown.',
    message: ({ problem }) => `Marp cannot render the deck: ${problem}`,
  }),
  'missing-file': kind<NamedPath & { lookedFor: string }>({
    severity: 'error',
    title: 'A document names a file that is not in the package',
    hint: 'Put the file into the package at that path, or correct the path (paths are relative to the document).',
    message: (detail) => `${namedPath(detail)} is not a file of the package (looked for ${detail.lookedFor})`,
  }),
  'outside-package': kind<({ reason: 'leaves-package' } & NamedPath) | { reason: 'web-address'; path: string }>({
    severity: 'error',
    title: 'A path leads outside the package',
    hint: 'Copy the file into the package and name it by a path inside it; links that leave the package (.., absolute paths, symlinks) are refused.',
    message: (detail) =>
      detail.reason === 'web-address'
        ? `"${detail.path}" is an address on the web; a deck shows files of the package only, so copy the image into the package`
        : `${namedPath(detail)} leads outside the package`,
  }),
  'approval-rank-inversion': kind<{
    metric: string;
    unit: string;
    values: Interval;
    approver: string;
    rank: number;
    /** The highest-ranked approver of lower values. */
    below: { values: Interval; approver: string; rank: number };
  }>({
    severity: 'warning',
    title: 'A higher band is approved by a lower-ranked role',
    hint: 'Check the ladder: authority usually rises with the value.',
    message: ({ metric, unit, values, approver, rank, below }) =>
      `${metric} ${formatInterval(values, unit)} ${verb(values, 'goes', 'go')} to ${approver} (rank ${rank}), a lower rank than ${below.approver} (rank ${below.rank}) for the lower ${formatInterval(below.values, unit)}`,
  }),
  'approval-sod': kind<{ reason: 'band'; metric: string; unit: string; values: Interval; initiator: string } | { reason: 'condition'; metric: string; when: string; initiator: string }>({
    severity: 'warning',
    title: 'The initiator of a request may approve it',
    hint: 'Segregation of duties: let a different role approve.',
    message: (detail) =>
      detail.reason === 'band'
        ? `${detail.metric} ${formatInterval(detail.values, detail.unit)} ${verb(detail.values, 'is', 'are')} approved by ${detail.initiator}, the role that initiates the request`
        : `${detail.metric} condition "${detail.when}" is approved by ${detail.initiator}, the role that initiates the request`,
  }),
  'missing-procedure': kind<{ orderType: string; name: string }>({
    severity: 'warning',
    title: 'An order type has no procedure',
    hint: 'Write procedures/<orderType>/<slug>.mdx or remove the order type.',
    message: ({ orderType, name }) => `order type "${orderType}" (${name}) has no procedure; write procedures/${orderType}/<slug>.mdx`,
  }),
  'missing-diagram': kind<NoDetail>({
    severity: 'warning',
    title: 'A key procedure has no flow diagram',
    hint: 'Add a ```mermaid fence: key procedures are trained from their diagrams.',
    message: () => 'key procedure without a flow diagram; add a ```mermaid fence',
  }),
  'customization-missing-tests': kind<{ customization: string }>({
    severity: 'warning',
    title: 'A customization has no test records',
    hint: 'Add customizations/<ID>/tests.yaml with the acceptance test records.',
    message: ({ customization }) => `customization "${customization}" has no tests.yaml`,
  }),
  'test-failed': kind<{ test: string; case: string }>({
    severity: 'warning',
    title: 'A failed test has neither a limitation nor a waiver',
    hint: 'Record the usage limitation or the waiver agreed with the business.',
    message: ({ test, case: testCase }) => `test ${test} failed with no limitation or waiver recorded: ${testCase}`,
  }),
  'review-overdue': kind<{ due: Date }>({
    severity: 'warning',
    title: 'A procedure is past its review date',
    hint: 'Review the procedure, then raise version and reviewBy.',
    message: ({ due }) => `review was due on ${formatDate(due)}`,
  }),
  'conflict-check-overdue': kind<{ conflict: string; due: Date }>({
    severity: 'warning',
    title: 'A follow-up check of a conflict is overdue',
    hint: 'Carry out the check and record done and finding.',
    message: ({ conflict, due }) => `follow-up check of ${conflict} was due on ${formatDate(due)} and is not done`,
  }),
  'masterdata-open-create': kind<{ reason: 'too-many-roles'; entity: string; count: number } | { reason: 'least-senior'; entity: string; roles: readonly string[] }>({
    severity: 'warning',
    title: 'Too many roles, or the least senior, may create a kind of master data',
    hint: 'Give creation to the owner and at most a few named roles; let the others request new records.',
    message: (detail) => {
      const who = detail.reason === 'too-many-roles' ? `${detail.count} roles` : `the least senior role ${detail.roles.map((id) => `"${id}"`).join(', ')}`;
      return `${detail.entity}: ${who} may create it; creation opened this wide breeds duplicates`;
    },
  }),
  'masterdata-no-duplicate-check': kind<{ entity: string; owner: string }>({
    severity: 'warning',
    title: 'Others than the owner create master data without a duplicate check',
    hint: 'Write the duplicateCheck: what is searched (name, VAT number, terms) before a record is created.',
    message: ({ entity, owner }) => `${entity}: roles besides the owner "${owner}" may create it, and no duplicateCheck says how a duplicate is found first`,
  }),
  'placeholder-left': kind<{ placeholder: string; in: 'document' | 'field' }>({
    severity: 'warning',
    title: 'Text that handover new wrote to be replaced is still there',
    hint: 'Replace it with the real content, or delete it.',
    message: (detail) => `"${detail.placeholder}" is the text handover new wrote to be replaced${detail.in === 'document' ? '; write the real content' : ''}`,
  }),
  'missing-steps': kind<NoDetail>({
    severity: 'warning',
    title: 'A procedure has no Steps list',
    hint: 'Write a numbered list under a "## Steps" heading (## 步骤 in Chinese packages).',
    message: () => 'the body has no numbered list under a "Steps" heading (步骤 in Chinese); the comparison of order types and the differences panel read the steps from it',
  }),
  'unknown-currency': kind<{ reason: 'ladder-unit'; unit: string } | { reason: 'currency'; currency: string }>({
    severity: 'warning',
    title: 'A currency or ladder unit is not an ISO currency code',
    hint: 'Write % for shares and a three-letter ISO 4217 code (EUR, USD, CNY) for amounts.',
    message: (detail) =>
      detail.reason === 'ladder-unit'
        ? `"${detail.unit}" is neither % nor an ISO currency code such as EUR or CNY`
        : `"${detail.currency}" is not an ISO 4217 currency code; write one such as EUR, USD or CNY`,
  }),
  'duplicate-flow': kind<NoDetail>({
    severity: 'warning',
    title: 'A procedure has more than one flowchart',
    hint: 'Keep one flow per procedure: decks and comparisons take the first; split the procedure if it holds two processes.',
    message: () => 'a second flowchart: deck embeds ({{flow}}) and the comparison use the first one only; merge them or split the procedure',
  }),
  'issue-open': kind<{ reason: 'open'; issue: string; summary: string } | { reason: 'no-solution'; issue: string }>({
    severity: 'warning',
    title: 'An issue has no archived solution',
    hint: 'Solve it, then write the solution into issues.yaml step by step and set status: resolved, so the next person can solve it alone.',
    message: (detail) => (detail.reason === 'open' ? `${detail.issue} is open: ${detail.summary}` : `${detail.issue} is resolved without an archived solution`),
  }),
  'remote-image': kind<{ url: string }>({
    severity: 'warning',
    title: 'A document shows an image from the web',
    hint: 'Copy the image into the package and name it by its path there: the portal and its handbook are built without the network.',
    message: ({ url }) => `"${url}" is loaded from the web: readers' browsers fetch it from that site each time, and the handbook PDF, printed offline, leaves it out`,
  }),
  'internal-reference': kind<{ reason: 'procedure'; id: string } | { reason: 'learning-path-step'; step: string }>({
    severity: 'warning',
    title: 'A public document names an internal one',
    hint: 'The public portal leaves the reference out; make both public, or accept that public readers will not see it.',
    message: (detail) =>
      detail.reason === 'procedure' ? `names the internal procedure "${detail.id}", which the public portal leaves out` : `step "${detail.step}" is internal, so the public portal leaves it out of the path`,
  }),
  'deck-uncovered': kind<NoDetail>({
    severity: 'warning',
    title: 'No deck covers a key procedure',
    hint: 'Add the procedure to the covers of a deck.',
    message: () => 'key procedure that no deck covers; add it to the covers of a deck',
  }),
  'version-not-bumped': kind<{ frontmatter: boolean; body: boolean; version: string }>({
    severity: 'warning',
    title: 'A procedure changed since the baseline but kept its version',
    hint: 'Raise version and add a revisions entry saying what changed, so a signed-off version always names one text.',
    message: ({ frontmatter, body, version }) => {
      const parts = [frontmatter && 'front matter', body && 'body'].filter(Boolean).join(' and ');
      return `the ${parts} changed since the baseline, but the version is still "${version}"`;
    },
  }),
};

export type FindingCode = keyof typeof findingCatalogue;

/** What a check hands over about a finding of `code`, for the catalogue to write its message from. */
export type FindingDetail<C extends FindingCode> = C extends FindingCode ? Parameters<(typeof findingCatalogue)[C]['message']>[0] : never;

/** The words of one code in another language: its title, its hint and its message over the same detail. */
export interface FindingText<C extends FindingCode> {
  title: string;
  hint: string;
  message: (detail: FindingDetail<C>) => string;
}

/** A whole catalogue's words in one language: a code without them is a compile error. */
export type FindingTexts = { [C in FindingCode]: FindingText<C> };

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Path relative to the package directory, with forward slashes. */
  file: string;
  /** 1-based line in the file, where the source has one. */
  line?: number;
  /** Dotted field path inside the file, e.g. `approvals.0.bands.1.upTo`. */
  field?: string;
  /**
   * The field as a reader names it, where the path alone would not say: a
   * ladder by its position counted from 1 and its action, a band by its
   * position, e.g. `ladder 1 (Discount off list price), band 2`.
   */
  place?: string;
  message: string;
  hint?: string;
}

export interface FindingLocation {
  file: string;
  line?: number;
  field?: string;
  place?: LadderPlace;
}

/** A field of a procedure's approvals, as a reader names it (Finding.place). */
export interface LadderPlace {
  /** 0-based index of the ladder in `approvals`. */
  ladder: number;
  action: string;
  /** The band or condition, by its 0-based index. */
  item?: { kind: 'band' | 'condition'; index: number };
  /** The field of the ladder, band or condition meant. */
  part?: 'approver' | 'initiatedBy' | 'unit';
}

/** `ladder 1 (Discount off list price), band 3 approver`: positions counted from 1. */
export function placeText(place: LadderPlace): string {
  const item = place.item ? `, ${place.item.kind} ${place.item.index + 1}` : '';
  const part = place.part === 'approver' ? ' approver' : place.part === 'initiatedBy' ? ', raised by' : place.part === 'unit' ? ', unit' : '';
  return `ladder ${place.ladder + 1} (${place.action})${item}${part}`;
}

/**
 * The one way to make a finding, so severity and message always come from
 * the catalogue; the hint too, unless the cause calls for a more precise one.
 */
export function finding<C extends FindingCode>(code: C, where: FindingLocation, detail: FindingDetail<C>, hint?: string): Finding {
  const kind = findingCatalogue[code];
  // Key order follows the contract so `--json` reads naturally: code, severity, file, line, field, message, hint.
  const made: Finding = {
    code,
    severity: kind.severity,
    file: where.file,
    ...(where.line !== undefined && { line: where.line }),
    ...(where.field !== undefined && where.field !== '' && { field: where.field }),
    ...(where.place !== undefined && { place: placeText(where.place) }),
    message: findingMessage(code, detail),
    hint: hint ?? kind.hint,
  };
  // The detail travels with the finding, unseen by JSON and by comparisons, so it can be written in
  // another language later (localizeFinding); a hint the check wrote itself stays as written.
  Object.defineProperty(made, DETAIL, { value: { detail, ownHint: hint !== undefined, place: where.place }, enumerable: false });
  return made;
}

const DETAIL = Symbol('finding detail');

/**
 * The finding with its message, hint and place in another language, when it
 * was made by `finding()`: `texts` writes the message and hint, `place` the place.
 */
export function localizeFinding(f: Finding, texts: FindingTexts | undefined, place: (place: LadderPlace) => string = placeText): Finding {
  const carried = (f as unknown as Record<symbol, { detail: unknown; ownHint: boolean; place?: LadderPlace } | undefined>)[DETAIL];
  if (!texts || !carried) return f;
  const text = texts[f.code] as FindingText<FindingCode>;
  const localized: Finding = {
    ...f,
    ...(carried.place && { place: place(carried.place) }),
    message: (text.message as (detail: unknown) => string)(carried.detail),
    hint: carried.ownHint ? f.hint : text.hint,
  };
  Object.defineProperty(localized, DETAIL, { value: carried, enumerable: false });
  return localized;
}

/** The message of a finding of `code` about `detail`, for what reports a finding in its own shape (the closeout checklist). */
export function findingMessage<C extends FindingCode>(code: C, detail: FindingDetail<C>): string {
  // Indexing the catalogue by a generic code loses which entry it is; the signature above keeps code and detail together.
  return (findingCatalogue[code].message as (detail: FindingDetail<C>) => string)(detail);
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
