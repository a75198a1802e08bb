import type { z } from 'astro/zod';
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
import { finding, type Finding } from './findings.ts';
import type { PackageFiles } from './package-files.ts';
import { decodeUtf8, parseYamlSource, splitFrontmatter, type FieldPath, type YamlSource } from './source.ts';
import { suggest } from './suggest.ts';
import { describeValue, parseWithFriendlyErrors } from './validate.ts';
import { isPackageFile } from './package-files.ts';

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
  const findings: Finding[] = [];
  const text = (file: string): string | undefined => {
    const bytes = files.get(file);
    if (!bytes) return undefined;
    const decoded = decodeUtf8(bytes, file);
    if ('finding' in decoded) {
      findings.push(decoded.finding);
      return undefined;
    }
    return decoded.text;
  };
  const yamlOf = (file: string): YamlSource | undefined => {
    const content = text(file);
    if (content === undefined) return undefined;
    if (content.trim() === '') {
      findings.push(finding('schema-invalid', { file, line: 1 }, 'the file is empty'));
      return undefined;
    }
    const parsed = parseYamlSource(content, file);
    if ('findings' in parsed) {
      findings.push(...parsed.findings);
      return undefined;
    }
    return parsed.source;
  };
  const validate = <S extends z.ZodType>(schema: S, value: unknown, file: string, source: YamlSource, basePath: FieldPath = []) => {
    const result = parseWithFriendlyErrors(schema, value, { file, source, basePath });
    findings.push(...result.findings);
    return result.data;
  };
  const located = <T>(data: T, file: string, source: YamlSource, basePath: FieldPath = []): Located<T> => ({
    data,
    file,
    path: basePath,
    lineOf: (path = []) => source.lineOf([...basePath, ...path]),
  });

  /**
   * A YAML file whose top level is a list: each record validated on its own.
   * Undefined when the file is missing or unreadable as a list.
   */
  const loadList = <S extends z.ZodType>(file: string, schema: S, required: boolean): { records: Located<z.output<S>>[]; rawIds: Set<string> } | undefined => {
    const actual = [file, file.replace(/\.yaml$/, '.yml')].find((name) => files.has(name));
    if (!actual) {
      if (required) findings.push(finding('schema-invalid', { file }, `${file} is missing; every package needs it`));
      return undefined;
    }
    const source = yamlOf(actual);
    if (!source || !Array.isArray(source.value)) {
      if (source) recordsOf(source.value, actual, source, [], schema);
      return undefined;
    }
    const rawIds = new Set(source.value.map((record: unknown) => (record as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
    return { records: recordsOf(source.value, actual, source, [], schema), rawIds };
  };
  const recordsOf = <S extends z.ZodType>(value: unknown, file: string, source: YamlSource, basePath: FieldPath, schema: S) => {
    if (!Array.isArray(value)) {
      findings.push(
        finding('schema-invalid', { file, line: source.lineOf(basePath), field: basePath.join('.') || undefined }, `expected a list of records (lines starting with "- "), got ${describeValue(value)}`),
      );
      return [];
    }
    return value.flatMap((record, index) => {
      const path = [...basePath, index];
      const data = validate(schema, record, file, source, path);
      return data === undefined ? [] : [located(data, file, source, path)];
    });
  };

  const loadDocument = <S extends z.ZodType>(file: string, schema: S): DocumentEntry<z.output<S>> | undefined => {
    const raw = text(file);
    if (raw === undefined) return undefined;
    const split = splitFrontmatter(raw);
    if (split.frontmatter === undefined) {
      const message =
        raw.trim() === ''
          ? 'the file is empty; it needs a frontmatter block between --- lines'
          : split.unclosed
            ? 'the frontmatter opened on line 1 is never closed; add a --- line after the last field'
            : 'the file has no frontmatter; start it with a --- line, the fields, and another --- line';
      findings.push(finding('schema-invalid', { file, line: 1 }, message));
      return undefined;
    }
    const parsed = parseYamlSource(split.frontmatter, file, split.frontmatterLine);
    if ('findings' in parsed) {
      findings.push(...parsed.findings);
      return undefined;
    }
    const data = validate(schema, parsed.source.value ?? {}, file, parsed.source);
    if (data === undefined) return undefined;
    return { ...located(data, file, parsed.source), body: split.body, bodyLine: split.bodyLine, raw };
  };

  const paths = [...files.keys()].sort();
  const under = (pattern: RegExp) => paths.map((path) => pattern.exec(path)).filter((match) => match !== null);

  let meta: Located<Handover> | undefined;
  const metaFile = ['handover.yaml', 'handover.yml'].find((name) => files.has(name));
  if (!metaFile) {
    findings.push(finding('schema-invalid', { file: 'handover.yaml' }, 'handover.yaml is missing; it names the package, its locale and its order types'));
  } else {
    const source = yamlOf(metaFile);
    const data = source && validate(handoverSchema, source.value, metaFile, source);
    if (source && data) meta = located(data, metaFile, source);
  }

  const procedures = under(/^procedures\/([^/]+)\/([^/]+)\.mdx$/).flatMap(([file, folder, slug]) => {
    const entry = loadDocument(file, procedureSchema);
    return entry ? [{ ...entry, id: `${folder}/${slug}` }] : [];
  });

  const customizationIds = [...new Set(under(/^customizations\/([^/]+)\//).map((match) => match[1]!))];
  const customizations = customizationIds.map((id): CustomizationEntry => {
    const folder = `customizations/${id}`;
    const entry: CustomizationEntry = {
      id,
      files: new Set(paths.filter((path) => path.startsWith(`${folder}/`) && !path.endsWith('/')).map((path) => path.slice(folder.length + 1))),
    };
    if (files.has(`${folder}/requirement.mdx`)) entry.requirement = loadDocument(`${folder}/requirement.mdx`, requirementSchema);
    if (files.has(`${folder}/implementation.mdx`)) entry.implementation = loadDocument(`${folder}/implementation.mdx`, implementationSchema);
    const testsFile = [`${folder}/tests.yaml`, `${folder}/tests.yml`].find((name) => files.has(name));
    const source = testsFile ? yamlOf(testsFile) : undefined;
    if (testsFile && source) {
      const shape = validate(testRecordsFileSchema, source.value, testsFile, source);
      entry.tests = { file: testsFile, records: shape ? recordsOf(shape.records, testsFile, source, ['records'], testRecordSchema) : [] };
    }
    return entry;
  });

  const decks = under(/^decks\/([^/]+)\.md$/).flatMap(([file, slug]) => {
    const entry = loadDocument(file, deckSchema);
    return entry ? [{ ...entry, slug: slug! }] : [];
  });

  const quizzes = under(/^quizzes\/([^/]+)\.ya?ml$/).flatMap(([file, slug]) => {
    const source = yamlOf(file);
    const data = source && validate(quizSchema, source.value, file, source);
    return source && data ? [{ ...located(data, file, source), slug: slug! }] : [];
  });

  const pages = under(/^pages\/(.+)\.mdx$/).flatMap(([file, slug]) => {
    const entry = loadDocument(file, pageSchema);
    return entry ? [{ ...entry, slug: slug! }] : [];
  });

  for (const path of paths.filter((p) => !isPackageFile(p))) findings.push(finding('schema-invalid', { file: path }, misplacedMessage(path)));

  const roles = loadList('roles.yaml', roleSchema, true);
  const pkg: HandoverPackage = {
    meta,
    roles: roles?.records ?? [],
    glossary: loadList('glossary.yaml', glossaryEntrySchema, false)?.records ?? [],
    procedures,
    customizations,
    conflicts: loadList('conflicts.yaml', conflictSchema, false)?.records ?? [],
    masterData: loadList('masterdata.yaml', masterDataRuleSchema, false)?.records ?? [],
    issues: loadList('issues.yaml', issueSchema, false)?.records ?? [],
    decks,
    quizzes,
    pages,
    fileCount: paths.filter((path) => !path.endsWith('/')).length,
    declared: {
      roles: roles?.rawIds,
      procedures: new Set(under(/^procedures\/([^/]+\/[^/]+)\.mdx$/).map((match) => match[1]!)),
      decks: new Set(under(/^decks\/([^/]+)\.md$/).map((match) => match[1]!)),
      quizzes: new Set(under(/^quizzes\/([^/]+)\.ya?ml$/).map((match) => match[1]!)),
    },
  };
  return { pkg, findings };
}

/** Where a file that does not fit the package format should go instead. */
function misplacedMessage(path: string): string {
  const where: [RegExp, string][] = [
    [/^procedures\//, 'procedures are .mdx files in a folder per order type: procedures/<orderType>/<slug>.mdx'],
    [/^customizations\//, 'a customization folder customizations/<ID>/ holds requirement.mdx, implementation.mdx and tests.yaml'],
    [/^decks\//, 'decks are Marp Markdown files directly in decks/: decks/<slug>.md'],
    [/^quizzes\//, 'quizzes are YAML files directly in quizzes/: quizzes/<slug>.yaml'],
    [/^pages\//, 'free pages are .mdx files under pages/'],
  ];
  const lowerExtension = path.replace(/\.[^./]+$/, (extension) => extension.toLowerCase());
  if (lowerExtension !== path && isPackageFile(lowerExtension)) return `this file is ignored because its extension is not written in lower case: rename it to ${lowerExtension}`;
  const rule = where.find(([pattern]) => pattern.test(path))?.[1];
  const topLevel = new Set(['handover.yaml', 'roles.yaml', 'glossary.yaml', 'conflicts.yaml', 'issues.yaml', 'masterdata.yaml']);
  return `this file is not part of the package format and is ignored: ${rule ?? `the top-level files are ${[...topLevel].join(', ')}${suggest(path, topLevel)}`}`;
}
