import type { z } from 'astro/zod';
import {
  conflictSchema,
  deckSchema,
  glossaryEntrySchema,
  handoverSchema,
  implementationSchema,
  issueSchema,
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
import { parseWithFriendlyErrors } from './validate.ts';

/** Anything that came from a file and can point back at where it was written. */
export interface Located<T> {
  data: T;
  /** Path relative to the package. */
  file: string;
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
  issues: Located<Issue>[];
  decks: DeckEntry[];
  quizzes: QuizEntry[];
  pages: PageEntry[];
  /** How many files were read. */
  fileCount: number;
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
    lineOf: (path = []) => source.lineOf([...basePath, ...path]),
  });

  /** A YAML file whose top level is a list: each record validated on its own. */
  const loadList = <S extends z.ZodType>(file: string, schema: S, required: boolean): Located<z.output<S>>[] => {
    const actual = [file, file.replace(/\.yaml$/, '.yml')].find((name) => files.has(name));
    if (!actual) {
      if (required) findings.push(finding('schema-invalid', { file }, `${file} is missing; every package needs it`));
      return [];
    }
    const source = yamlOf(actual);
    if (!source) return [];
    return recordsOf(source.value, actual, source, [], schema);
  };
  const recordsOf = <S extends z.ZodType>(value: unknown, file: string, source: YamlSource, basePath: FieldPath, schema: S) => {
    if (!Array.isArray(value)) {
      findings.push(
        finding('schema-invalid', { file, line: source.lineOf(basePath), field: basePath.join('.') || undefined }, `expected a list of records (lines starting with "- "), got ${value === null ? 'nothing' : typeof value}`),
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
      findings.push(finding('schema-invalid', { file, line: 1 }, raw.trim() === '' ? 'the file is empty; it needs a frontmatter block between --- lines' : 'the file has no frontmatter; start it with a --- line, the fields, and another --- line'));
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

  const pkg: HandoverPackage = {
    meta,
    roles: loadList('roles.yaml', roleSchema, true),
    glossary: loadList('glossary.yaml', glossaryEntrySchema, false),
    procedures,
    customizations,
    conflicts: loadList('conflicts.yaml', conflictSchema, false),
    issues: loadList('issues.yaml', issueSchema, false),
    decks,
    quizzes,
    pages,
    fileCount: paths.filter((path) => !path.endsWith('/')).length,
  };
  return { pkg, findings };
}
