import {
  conflictSchema,
  deckSchema,
  glossaryEntrySchema,
  handoverSchema,
  implementationSchema,
  issueSchema,
  masterDataRuleSchema,
  pageSchema,
  procedureSchema,
  quizSchema,
  requirementSchema,
  roleSchema,
  testRecordSchema,
  testRecordsFileSchema,
  type Conflict,
  type Deck,
  type GlossaryEntry,
  type Handover,
  type Implementation,
  type Issue,
  type MasterDataRule,
  type Page,
  type Procedure,
  type Quiz,
  type Requirement,
  type Role,
  type TestRecord,
} from '../schemas/index.ts';
import { finding, type Finding, type FindingDetail, type PackageFolder } from './findings.ts';
import { isPackageFile, type PackageFiles } from './package-files.ts';
import { located, PackageReader } from './package-reader.ts';
import type { FieldPath } from './source.ts';
import { inheritedFields, stepsOf, type Inheritance } from './variants.ts';

/** Anything that came from a file and can point back at where it was written. */
export interface Located<T> {
  data: T;
  /** Path relative to the package. */
  file: string;
  /** Where the record sits in its file (e.g. `[3]` for the fourth entry of a list file); empty for a whole file. */
  path: FieldPath;
  /** Line of a field of this record; paths are relative to the record. */
  lineOf(path?: FieldPath): number | undefined;
}

/** A Markdown/MDX document: frontmatter data plus its body. */
export interface DocumentEntry<T> extends Located<T> {
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
  /** The whole file as written, for fingerprints. */
  raw: string;
}

export interface ProcedureEntry extends DocumentEntry<Procedure> {
  /** `<orderType>/<slug>`. */
  id: string;
  /** The fields a variant takes from its base, each with the id of the procedure that states it; empty for others. */
  inheritance: Inheritance;
  /** The numbered steps, as plain text: the procedure's own Steps list or, for a variant without one, its base's. */
  steps?: string[];
}

export interface CustomizationEntry {
  id: string;
  /** Names of the files present in the customization's folder. */
  files: ReadonlySet<string>;
  requirement?: DocumentEntry<Requirement>;
  implementation?: DocumentEntry<Implementation>;
  /** Undefined when there is no tests file (or it could not be read). */
  tests?: { file: string; records: Located<TestRecord>[] };
}

export interface DeckEntry extends DocumentEntry<Deck> {
  slug: string;
}

export interface QuizEntry extends Located<Quiz> {
  slug: string;
}

export interface PageEntry extends DocumentEntry<Page> {
  /** Path below pages/ without extension, e.g. `guides/master-data`. */
  slug: string;
}

/** The whole handover package as the portal and `handover check` see it. */
export interface HandoverPackage {
  /** Undefined when handover.yaml is missing or invalid. */
  meta?: Located<Handover>;
  roles: Located<Role>[];
  glossary: Located<GlossaryEntry>[];
  procedures: ProcedureEntry[];
  customizations: CustomizationEntry[];
  conflicts: Located<Conflict>[];
  /** Who may create and change each kind of master data (`masterdata.yaml`, optional). */
  masterData: Located<MasterDataRule>[];
  issues: Located<Issue>[];
  decks: DeckEntry[];
  quizzes: QuizEntry[];
  pages: PageEntry[];
  /** How many files were read. */
  fileCount: number;
  /**
   * Ids that files declare, including those of records that failed
   * validation, so one broken record is reported once and not again by every
   * reference to it. `roles` is undefined when roles.yaml could not be read.
   */
  declared: {
    roles: ReadonlySet<string> | undefined;
    procedures: ReadonlySet<string>;
    decks: ReadonlySet<string>;
    quizzes: ReadonlySet<string>;
  };
}

export interface LoadResult {
  pkg: HandoverPackage;
  /** Problems of syntax and schema found while loading; reference checks come later. */
  findings: Finding[];
}

/**
 * Parses and validates every file of a package. One bad file or record never
 * stops the others from loading: it is left out of the model and reported.
 */
export function loadPackage(files: PackageFiles): LoadResult {
  const reader = new PackageReader(files);
  const paths = [...files.keys()].sort();
  const under = (pattern: RegExp) => paths.map((path) => pattern.exec(path)).filter((match) => match !== null);
  const roles = reader.list('roles.yaml', roleSchema, true);
  const pkg: HandoverPackage = {
    meta: loadMeta(reader),
    procedures: loadProcedures(reader, under(/^procedures\/([^/]+)\/([^/]+)\.mdx$/).map(([file, folder, slug]) => ({ file, id: `${folder}/${slug}` }))),
    customizations: [...new Set(under(/^customizations\/([^/]+)\//).map((match) => match[1]!))].map((id) => loadCustomization(reader, paths, id)),
    decks: under(/^decks\/([^/]+)\.md$/).flatMap(([file, slug]) => {
      const entry = reader.document(file, deckSchema);
      return entry ? [{ ...entry, slug: slug! }] : [];
    }),
    quizzes: under(/^quizzes\/([^/]+)\.ya?ml$/).flatMap(([file, slug]) => {
      const source = reader.yaml(file);
      const data = source && reader.validate(quizSchema, source.value, file, source);
      return source && data ? [{ ...located(data, file, source), slug: slug! }] : [];
    }),
    pages: under(/^pages\/(.+)\.mdx$/).flatMap(([file, slug]) => {
      const entry = reader.document(file, pageSchema);
      return entry ? [{ ...entry, slug: slug! }] : [];
    }),
    roles: roles?.records ?? [],
    glossary: reader.list('glossary.yaml', glossaryEntrySchema, false)?.records ?? [],
    conflicts: reader.list('conflicts.yaml', conflictSchema, false)?.records ?? [],
    masterData: reader.list('masterdata.yaml', masterDataRuleSchema, false)?.records ?? [],
    issues: reader.list('issues.yaml', issueSchema, false)?.records ?? [],
    fileCount: paths.filter((path) => !path.endsWith('/')).length,
    declared: {
      roles: roles?.rawIds,
      procedures: new Set(under(/^procedures\/([^/]+\/[^/]+)\.mdx$/).map((match) => match[1]!)),
      decks: new Set(under(/^decks\/([^/]+)\.md$/).map((match) => match[1]!)),
      quizzes: new Set(under(/^quizzes\/([^/]+)\.ya?ml$/).map((match) => match[1]!)),
    },
  };
  for (const path of paths.filter((p) => !isPackageFile(p))) reader.report(finding('schema-invalid', { file: path }, misplaced(path)));
  return { pkg, findings: reader.findings };
}

/** handover.yaml (or .yml): the package's name, locale and order types. */
function loadMeta(reader: PackageReader): Located<Handover> | undefined {
  const file = ['handover.yaml', 'handover.yml'].find((name) => reader.has(name));
  if (!file) {
    reader.report(finding('schema-invalid', { file: 'handover.yaml' }, { reason: 'handover-missing' }));
    return undefined;
  }
  const source = reader.yaml(file);
  const data = source && reader.validate(handoverSchema, source.value, file, source);
  return source && data ? located(data, file, source) : undefined;
}

/**
 * The procedures, each base loaded before its variants so that a variant's
 * frontmatter can be completed with what it leaves to its base before it is
 * validated. Returned in file order.
 */
function loadProcedures(reader: PackageReader, files: readonly { file: string; id: string }[]): ProcedureEntry[] {
  const fileOf = new Map(files.map(({ file, id }) => [id, file]));
  const loaded = new Map<string, ProcedureEntry | undefined>();
  const load = (id: string): ProcedureEntry | undefined => {
    if (loaded.has(id)) return loaded.get(id);
    // Marked before reading, so a cycle of basedOn meets an unloaded base and stops (references.ts reports the cycle).
    loaded.set(id, undefined);
    let base: ProcedureEntry | undefined;
    let inheritance: Inheritance = {};
    const entry = reader.document(fileOf.get(id)!, procedureSchema, (frontmatter) => {
      const basedOn = frontmatter.basedOn;
      base = typeof basedOn === 'string' && basedOn !== id && fileOf.has(basedOn) ? load(basedOn) : undefined;
      if (!base) return frontmatter;
      const inherited = inheritedFields(frontmatter, base);
      inheritance = inherited.inheritance;
      return { ...inherited.fields, ...frontmatter };
    });
    if (!entry) return undefined;
    const { steps, from } = stepsOf(entry.body, base);
    const procedure: ProcedureEntry = { ...entry, id, inheritance: from ? { ...inheritance, steps: from } : inheritance, steps };
    loaded.set(id, procedure);
    return procedure;
  };
  return files.flatMap(({ id }) => load(id) ?? []);
}

/** One customizations/<ID>/ folder: its documents and test records, each optional here (completeness reports what is absent). */
function loadCustomization(reader: PackageReader, paths: readonly string[], id: string): CustomizationEntry {
  const folder = `customizations/${id}`;
  const entry: CustomizationEntry = {
    id,
    files: new Set(paths.filter((path) => path.startsWith(`${folder}/`) && !path.endsWith('/')).map((path) => path.slice(folder.length + 1))),
  };
  if (reader.has(`${folder}/requirement.mdx`)) entry.requirement = reader.document(`${folder}/requirement.mdx`, requirementSchema);
  if (reader.has(`${folder}/implementation.mdx`)) entry.implementation = reader.document(`${folder}/implementation.mdx`, implementationSchema);
  const testsFile = [`${folder}/tests.yaml`, `${folder}/tests.yml`].find((name) => reader.has(name));
  const source = testsFile ? reader.yaml(testsFile) : undefined;
  if (testsFile && source) {
    const shape = reader.validate(testRecordsFileSchema, source.value, testsFile, source);
    entry.tests = { file: testsFile, records: shape ? reader.records(shape.records, testsFile, source, ['records'], testRecordSchema) : [] };
  }
  return entry;
}

const FOLDERS: readonly PackageFolder[] = ['procedures', 'customizations', 'decks', 'quizzes', 'pages'];
const TOP_LEVEL_FILES: ReadonlySet<string> = new Set(['handover.yaml', 'roles.yaml', 'glossary.yaml', 'conflicts.yaml', 'issues.yaml', 'masterdata.yaml']);

/** Why a file does not fit the package format, so the finding can say where it should go instead. */
function misplaced(path: string): FindingDetail<'schema-invalid'> {
  const lowerExtension = path.replace(/\.[^./]+$/, (extension) => extension.toLowerCase());
  if (lowerExtension !== path && isPackageFile(lowerExtension)) return { reason: 'extension-case', rename: lowerExtension };
  const folder = FOLDERS.find((name) => path.startsWith(`${name}/`));
  return folder ? { reason: 'misplaced', folder } : { reason: 'unknown-top-level', path, topLevel: TOP_LEVEL_FILES };
}
