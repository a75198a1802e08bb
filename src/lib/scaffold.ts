import { isSeq, parseDocument, stringify } from 'yaml';
import { scaffoldWords, type ScaffoldWord } from './i18n/scaffold.ts';
import { translator } from './i18n.ts';
import { formatDate, parseDay } from './dates.ts';
import { loadPackage, type HandoverPackage } from './package.ts';
import type { PackageFiles } from './package-files.ts';
import { decodeUtf8 } from './source.ts';
import { suggest } from './suggest.ts';

/**
 * `handover new`: the text of a new procedure, customization, conflict,
 * issue, deck or quiz, made from flags and the package it goes into. Pure:
 * the CLI reads the package, calls `scaffold`, and writes what it returns.
 * Every result is run through the package loader before it is returned, so
 * what `new` writes always passes `handover check` without errors.
 */

export const SCAFFOLD_TYPES = ['procedure', 'customization', 'conflict', 'issue', 'deck', 'quiz'] as const;
export type ScaffoldType = (typeof SCAFFOLD_TYPES)[number];

/** The flags of `handover new`, by their camel-cased names; all optional text as typed. */
export interface ScaffoldFlags {
  title?: string;
  id?: string;
  slug?: string;
  orderType?: string;
  owner?: string;
  version?: string;
  effective?: string;
  reviewBy?: string;
  criticality?: string;
  basedOn?: string;
  requestedBy?: string;
  priority?: string;
  status?: string;
  vendor?: string;
  procedures?: string;
  legacy?: string;
  systemRule?: string;
  resolution?: string;
  checkDue?: string;
  category?: string;
  reporter?: string;
  reported?: string;
  details?: string;
  solution?: string;
  covers?: string;
  passMark?: string;
  audience?: string;
}

/** One file to write: a new file, or text to add at the end of an existing (or new) register. */
export interface ScaffoldWrite {
  path: string;
  content: string;
  mode: 'create' | 'append';
}

export interface ScaffoldPlan {
  writes: ScaffoldWrite[];
  /** One line per default that was filled in, so the author knows what to check. */
  assumed: string[];
  /** What was made, e.g. `procedure standard/rush-order`. */
  made: string;
  /** What the author still has to do beyond filling in the text. */
  notes?: string[];
}

/** Exit code 2: the flags are wrong (unknown order type, bad date); 1: the package refuses it (file exists). */
export type ScaffoldResult = { ok: true; plan: ScaffoldPlan } | { ok: false; message: string; exitCode: 1 | 2 };

class Refusal extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
const usage = (message: string): never => {
  throw new Refusal(message, 2);
};
const refuse = (message: string): never => {
  throw new Refusal(message, 1);
};

type Words = Record<ScaffoldWord, string>;

/** The words handover new writes, in the package's language. */
function wordsIn(locale: string): Words {
  const t = translator(scaffoldWords, locale);
  return Object.fromEntries((Object.keys(scaffoldWords.en) as ScaffoldWord[]).map((word) => [word, t(word)])) as Words;
}

/**
 * Plans the files of a new item of `type`. `today` fills every date not
 * given. `files` is the package as read from disk, used to find free ids and
 * slugs, refuse to overwrite, and append to registers as they are written.
 */
export function scaffold(type: string, flags: ScaffoldFlags, files: PackageFiles, today: Date): ScaffoldResult {
  try {
    if (!(SCAFFOLD_TYPES as readonly string[]).includes(type)) usage(`unknown type "${type}" (handover new makes one of: ${SCAFFOLD_TYPES.join(', ')})${suggest(type, new Set(SCAFFOLD_TYPES))}`);
    const { pkg } = loadPackage(files);
    if (!pkg.meta) refuse('handover.yaml is missing or invalid; run "handover check" and fix it first');
    const context: Context = { pkg, files, today, flags, assumed: [], words: wordsIn(pkg.meta!.data.locale) };
    const plan = builders[type as ScaffoldType](context);
    verify(plan, files);
    return { ok: true, plan };
  } catch (cause) {
    if (cause instanceof Refusal) return { ok: false, message: cause.message, exitCode: cause.exitCode };
    throw cause;
  }
}

interface Context {
  pkg: HandoverPackage;
  files: PackageFiles;
  today: Date;
  flags: ScaffoldFlags;
  assumed: string[];
  words: Words;
}

const builders: Record<ScaffoldType, (context: Context) => ScaffoldPlan> = {
  procedure(context) {
    const { pkg, flags, words } = context;
    const orderTypes = pkg.meta!.data.orderTypes.map((type) => type.id);
    const orderType = flags.orderType ?? assume(context, orderTypes[0]!, `order type ${orderTypes[0]} (the first in handover.yaml)`);
    if (!orderTypes.includes(orderType)) usage(`unknown order type "${orderType}" (known order types: ${orderTypes.join(', ')})${suggest(orderType, new Set(orderTypes))}`);
    const title = required(flags.title, '--title', 'the procedure\'s title');
    const slug = slugFor(context, title, (candidate) => `procedures/${orderType}/${candidate}.mdx`);
    const file = `procedures/${orderType}/${slug}.mdx`;
    const id = `${orderType}/${slug}`;
    const owner = roleFlag(context, flags.owner, '--owner', 'owner');
    const criticality = choice(flags.criticality, '--criticality', ['standard', 'key'] as const) ?? assume(context, 'standard', 'criticality standard');
    const version = flags.version ?? assume(context, '0.1', 'version "0.1"');
    const effective = dateFlag(context, flags.effective, '--effective', context.today, 'effective');
    const reviewBy = dateFlag(context, flags.reviewBy, '--review-by', addYears(parseDay(effective)!, 1), 'reviewBy', 'one year after the effective date');
    if (flags.basedOn !== undefined) procedureIds(pkg, flags.basedOn, '--based-on');
    const frontmatter = {
      title,
      orderType,
      owner,
      version,
      effective,
      reviewBy,
      criticality,
      ...(flags.basedOn && { basedOn: flags.basedOn }),
      ...audienceFlag(flags),
      revisions: [{ version, date: effective, summary: words.firstDraft }],
    };
    const ownerName = pkg.roles.find((role) => role.data.id === owner)?.data.name ?? owner;
    const body = [
      `## ${words.purpose}`,
      '',
      words.purposeText,
      '',
      `## ${words.steps}`,
      '',
      `1. **${ownerName}** ${words.step1}`,
      `2. **${ownerName}** ${words.step2}`,
      '',
      `## ${words.flow}`,
      '',
      '```mermaid',
      'flowchart TD',
      `  start([${words.start}]) --> step1[${words.step}]`,
      `  step1 --> done([${words.end}])`,
      '```',
    ];
    return { writes: [{ path: file, content: document(frontmatter, body), mode: 'create' }], assumed: context.assumed, made: `procedure ${id}` };
  },

  customization(context) {
    const { pkg, flags, words } = context;
    const title = required(flags.title, '--title', 'the customization\'s title');
    const derived = freeName(slugify(title) || 'customization', (candidate) => hasFolder(context.files, `customizations/${candidate}/`));
    const id = flags.id ?? assume(context, derived, `id ${derived} (from the title)`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) usage(`--id "${id}" is not a valid id: use letters, digits, ".", "-" and "_", starting with a letter or digit`);
    const folder = `customizations/${id}/`;
    if (hasFolder(context.files, folder)) refuse(`${folder} already exists; choose another --id (nothing was written)`);
    const requestedBy = roleFlag(context, flags.requestedBy ?? flags.owner, '--requested-by', 'requestedBy');
    const status = choice(flags.status, '--status', ['proposed', 'accepted', 'delivered', 'rejected'] as const) ?? assume(context, 'proposed', 'status proposed');
    const priority = flags.priority ?? assume(context, 'medium', 'priority medium');
    const procedures = flags.procedures === undefined ? undefined : procedureIds(pkg, flags.procedures, '--procedures');
    const vendor = flags.vendor ?? assume(context, words.vendor, `vendor "${words.vendor}"`);
    const requirement = document(
      { title, requestedBy, priority, status, ...(procedures && { procedures }), ...audienceFlag(flags) },
      [`## ${words.need}`, '', words.needText, '', `## ${words.requirements}`, '', words.requirementsText, '', `## ${words.acceptance}`, '', words.acceptanceText],
    );
    const implementation = document({ title, vendor, ...audienceFlag(flags) }, [`## ${words.design}`, '', words.designText]);
    return {
      writes: [
        { path: `${folder}requirement.mdx`, content: requirement, mode: 'create' },
        { path: `${folder}implementation.mdx`, content: implementation, mode: 'create' },
      ],
      // No tests.yaml until tests have run: an empty one would hide the customization-missing-tests warning.
      notes: [`add ${folder}tests.yaml with the test records once the acceptance tests have run (records: - id, case, date, tester, result)`],
      assumed: context.assumed,
      made: `customization ${id}`,
    };
  },

  conflict(context) {
    const { pkg, flags, words } = context;
    const title = required(flags.title, '--title', 'the conflict\'s title');
    const register = registerFile(context.files, 'conflicts');
    const id = recordId(context, flags.id, pkg.conflicts.map((c) => c.data.id), 'CF-01', register);
    const owner = roleFlag(context, flags.owner, '--owner', 'owner');
    const status = choice(flags.status, '--status', ['open', 'monitoring', 'resolved'] as const) ?? assume(context, 'open', 'status open');
    const procedures = flags.procedures === undefined ? undefined : procedureIds(pkg, flags.procedures, '--procedures');
    const due = dateFlag(context, flags.checkDue, '--check-due', addDays(context.today, 30), 'the first follow-up check', '30 days from today');
    const record = {
      id,
      title,
      legacyPractice: flags.legacy ?? assume(context, words.legacy, 'legacyPractice to be described (--legacy)'),
      systemRule: flags.systemRule ?? assume(context, words.systemRule, 'systemRule to be described (--system-rule)'),
      ...(flags.resolution && { resolution: flags.resolution }),
      ...(procedures && { procedures }),
      owner,
      status,
      ...audienceFlag(flags),
      checks: [{ due }],
    };
    return { writes: [appendRecord(context.files, register, record)], assumed: context.assumed, made: `conflict ${id}` };
  },

  issue(context) {
    const { pkg, flags } = context;
    const summary = required(flags.title, '--title', 'the issue\'s summary');
    const register = registerFile(context.files, 'issues');
    const id = recordId(context, flags.id, pkg.issues.map((i) => i.data.id), 'ISS-001', register);
    const category = choice(flags.category, '--category', ['system', 'process', 'operation', 'data'] as const) ?? assume(context, 'operation', 'category operation');
    const status = choice(flags.status, '--status', ['open', 'resolved'] as const) ?? assume(context, 'open', 'status open');
    const firstRole = pkg.roles[0]?.data;
    const reporter = flags.reporter ?? (firstRole ? assume(context, firstRole.name, `reporter "${firstRole.name}" (the first role in roles.yaml)`) : usage('--reporter is required: roles.yaml declares no role to assume'));
    const reported = dateFlag(context, flags.reported, '--reported', context.today, 'reported');
    const procedures = flags.procedures === undefined ? undefined : procedureIds(pkg, flags.procedures, '--procedures');
    const record = {
      id,
      reported,
      reporter,
      category,
      summary,
      ...(flags.details && { details: flags.details }),
      status,
      ...(flags.solution && { solution: flags.solution }),
      ...(procedures && { procedures }),
      ...audienceFlag(flags),
    };
    return { writes: [appendRecord(context.files, register, record)], assumed: context.assumed, made: `issue ${id}` };
  },

  deck(context) {
    const { pkg, flags, words } = context;
    const title = required(flags.title, '--title', 'the deck\'s title');
    const slug = slugFor(context, title, (candidate) => `decks/${candidate}.md`);
    const covers = coversFlag(context);
    const titles = covers.map((id) => pkg.procedures.find((p) => p.id === id)?.data.title ?? id);
    const slides = titles.flatMap((procedureTitle) => ['', '---', '', `## ${procedureTitle}`, '', `- ${words.deckSlide}`]);
    const content = document({ marp: true, title, covers, paginate: true, ...audienceFlag(flags) }, [`# ${title}`, '', `${words.deckIntro} ${titles.join(', ')}`, ...slides]);
    return { writes: [{ path: `decks/${slug}.md`, content, mode: 'create' }], assumed: context.assumed, made: `deck ${slug}` };
  },

  quiz(context) {
    const { pkg, flags, words } = context;
    const title = required(flags.title, '--title', 'the quiz\'s title');
    const slug = slugFor(context, title, (candidate) => `quizzes/${candidate}.yaml`);
    const covers = coversFlag(context);
    const passMark = flags.passMark === undefined ? assume(context, 80, 'passMark 80') : Number(flags.passMark);
    if (!(Number.isFinite(passMark) && passMark >= 0 && passMark <= 100)) usage(`--pass-mark is a percentage from 0 to 100, got "${flags.passMark}"`);
    const firstTitle = pkg.procedures.find((p) => p.id === covers[0])?.data.title ?? covers[0];
    const quiz = {
      title,
      covers,
      passMark,
      ...audienceFlag(flags),
      questions: [{ prompt: `${words.quizPrompt} ${firstTitle}`, choices: [words.quizRight, words.quizWrong], answer: 0, explanation: words.quizExplanation }],
    };
    return { writes: [{ path: `quizzes/${slug}.yaml`, content: yamlText(quiz), mode: 'create' }], assumed: context.assumed, made: `quiz ${slug}` };
  },
};

function assume<T>(context: Context, value: T, what: string): T {
  context.assumed.push(what);
  return value;
}

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === '') usage(`${flag} is required: ${what}`);
  return value!.trim();
}

function choice<const T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) usage(`${flag} is one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function roleFlag(context: Context, value: string | undefined, flag: string, field: string): string {
  const roles = context.pkg.roles.map((role) => role.data.id);
  if (roles.length === 0) usage('roles.yaml declares no role; add one before making documents that name an owner');
  if (value === undefined) return assume(context, roles[0]!, `${field} ${roles[0]} (the first role in roles.yaml)`);
  if (!roles.includes(value)) usage(`${flag}: role "${value}" is not declared in roles.yaml (known roles: ${roles.join(', ')})${suggest(value, new Set(roles))}`);
  return value;
}

function dateFlag(context: Context, value: string | undefined, flag: string, fallback: Date, field: string, why = 'today'): string {
  if (value === undefined) return assume(context, formatDate(fallback), `${field} ${formatDate(fallback)} (${why})`);
  if (!parseDay(value)) usage(`${flag} takes a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

function audienceFlag(flags: ScaffoldFlags): { audience?: 'internal' } {
  if (flags.audience === undefined || flags.audience === 'public') return {};
  if (flags.audience !== 'internal') usage(`--audience is public or internal, got "${flags.audience}"`);
  return { audience: 'internal' };
}

/** Comma-separated procedure ids, each of which must exist. */
function procedureIds(pkg: HandoverPackage, value: string, flag: string): string[] {
  const known = new Set(pkg.procedures.map((p) => p.id));
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) usage(`${flag} takes procedure ids separated by commas, e.g. standard/sales-order`);
  for (const id of ids) if (!known.has(id)) usage(`${flag}: procedure "${id}" does not exist (procedure ids are <orderType>/<file name>)${suggest(id, known)}`);
  return ids;
}

/**
 * What a new deck or quiz covers: `--covers`, else the key procedures no
 * deck covers yet (so `deck-uncovered` goes away), else the first procedure.
 */
function coversFlag(context: Context): string[] {
  const { pkg, flags } = context;
  if (flags.covers !== undefined) return procedureIds(pkg, flags.covers, '--covers');
  if (pkg.procedures.length === 0) refuse('the package has no procedure to cover yet; make one first with "handover new procedure"');
  const covered = new Set(pkg.decks.flatMap((deck) => deck.data.covers));
  const uncovered = pkg.procedures.filter((p) => p.data.criticality === 'key' && !covered.has(p.id)).map((p) => p.id);
  if (uncovered.length > 0) return assume(context, uncovered, `covers ${uncovered.join(', ')} (the key procedures no deck covers yet)`);
  const first = pkg.procedures[0]!.id;
  return assume(context, [first], `covers ${first} (the first procedure)`);
}

/** A file name from `--slug` or the title; a taken name is refused when given, or numbered when derived. */
function slugFor(context: Context, title: string, pathOf: (slug: string) => string): string {
  const { flags, files } = context;
  if (flags.slug !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(flags.slug)) usage(`--slug "${flags.slug}" is not a valid file name: use lower-case letters, digits and "-"`);
    if (files.has(pathOf(flags.slug))) refuse(`${pathOf(flags.slug)} already exists; handover new never overwrites a file (nothing was written)`);
    return flags.slug;
  }
  const base = slugify(title);
  if (base && files.has(pathOf(base))) refuse(`${pathOf(base)} already exists; handover new never overwrites a file (choose another --title or --slug; nothing was written)`);
  if (base) return base;
  const numbered = freeName('document', (candidate) => files.has(pathOf(candidate)));
  return assume(context, numbered, `file name ${numbered} (the title has no Latin letters; pass --slug to choose one)`);
}

/** A lower-case ASCII file name from a title: "Rush order (EU)" → "rush-order-eu". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function freeName(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function hasFolder(files: PackageFiles, folder: string): boolean {
  return [...files.keys()].some((path) => path.startsWith(folder));
}

/**
 * The next free id of a register: the number after the highest one of the
 * prefix most ids use, zero-padded as they are (CF-04 → CF-05, ISS-009 →
 * ISS-010); `first` when the register is empty.
 */
export function nextId(existing: readonly string[], first: string): string {
  const numbered = existing.map((id) => /^(.*?)(\d+)$/.exec(id)).filter((match) => match !== null);
  if (numbered.length === 0) return existing.includes(first) ? `${first}-2` : first;
  const byPrefix = new Map<string, RegExpExecArray[]>();
  for (const match of numbered) byPrefix.set(match[1]!, [...(byPrefix.get(match[1]!) ?? []), match]);
  const [prefix, matches] = [...byPrefix].sort((a, b) => b[1].length - a[1].length)[0]!;
  const width = Math.max(...matches.map((match) => match[2]!.length));
  const next = Math.max(...matches.map((match) => Number(match[2]))) + 1;
  return `${prefix}${String(next).padStart(width, '0')}`;
}

function recordId(context: Context, given: string | undefined, existing: string[], first: string, register: string): string {
  if (given !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(given)) usage(`--id "${given}" is not a valid id: use letters, digits, ".", "-" and "_", starting with a letter or digit`);
    if (existing.includes(given)) refuse(`${register} already has a record with id ${given}; choose another --id or leave it out for the next free one (nothing was written)`);
    return given;
  }
  const id = nextId(existing, first);
  return assume(context, id, `id ${id} (the next free one)`);
}

/** The register file as the package has it (`.yaml` or `.yml`), `<name>.yaml` when there is none yet. */
function registerFile(files: PackageFiles, name: string): string {
  return [`${name}.yaml`, `${name}.yml`].find((path) => files.has(path)) ?? `${name}.yaml`;
}

/**
 * Text that adds one record at the end of a list file, in the file's own
 * indentation and line endings, leaving every existing byte as it is. A file
 * that is not a block list (e.g. written as `[...]`) cannot be extended that
 * way and is refused rather than rewritten.
 */
export function appendRecord(files: PackageFiles, path: string, record: Record<string, unknown>): ScaffoldWrite {
  const bytes = files.get(path);
  if (bytes === undefined) return { path, content: yamlText([record]), mode: 'create' };
  const decoded = decodeUtf8(bytes, path);
  if ('finding' in decoded) return refuse(`${path} is not valid UTF-8; fix it before adding records (nothing was written)`);
  const text = decoded.text;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) refuse(`${path} does not parse as YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it before adding records (nothing was written)`);
  const list = doc.contents;
  if (list !== null && !(isSeq(list) && !list.flow)) {
    refuse(`${path} is not a block list of records ("- id: ..." lines), so a record cannot be added at its end without rewriting it; add it by hand (nothing was written)`);
  }
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const first = isSeq(list) ? list.items[0] : undefined;
  const firstOffset = (first as { range?: [number, number, number] } | undefined)?.range?.[0];
  // The dash of the first record sits before its value: the indentation is the whitespace ahead of it on its line.
  const indent = firstOffset === undefined ? '' : (/^([ \t]*)-/.exec(text.slice(text.lastIndexOf('\n', firstOffset) + 1)) ?? ['', ''])[1]!;
  const lines = yamlText([record]).trimEnd().split('\n').map((line) => indent + line);
  const separator = text === '' || text.endsWith('\n') ? '' : newline;
  return { path, content: separator + lines.join(newline) + newline, mode: 'append' };
}

function yamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

/** A Markdown document: YAML frontmatter between `---` lines, then the body. */
function document(frontmatter: Record<string, unknown>, body: string[]): string {
  return `---\n${yamlText(frontmatter)}---\n\n${body.join('\n')}\n`;
}

/** The package as it will be after the writes must load without a finding in the written files. */
function verify(plan: ScaffoldPlan, files: PackageFiles): void {
  const after = new Map(files);
  const encoder = new TextEncoder();
  for (const write of plan.writes) {
    const before = write.mode === 'append' ? (files.get(write.path) ?? new Uint8Array()) : new Uint8Array();
    const added = encoder.encode(write.content);
    const joined = new Uint8Array(before.length + added.length);
    joined.set(before);
    joined.set(added, before.length);
    after.set(write.path, joined);
    if (write.path.startsWith('customizations/')) after.set(`${write.path.slice(0, write.path.lastIndexOf('/') + 1)}`, new Uint8Array());
  }
  const written = new Set(plan.writes.map((write) => write.path));
  const problems = loadPackage(after).findings.filter((f) => written.has(f.file));
  if (problems.length > 0) {
    throw new Error(`handover new made a file that does not validate (a bug, please report it): ${problems.map((f) => `${f.file}:${f.line ?? ''} ${f.field ?? ''} ${f.message}`).join('; ')}`);
  }
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}
