import type { z } from 'astro/zod';
import { finding, type Finding } from './findings.ts';
import type { DocumentEntry, Located } from './package.ts';
import type { PackageFiles } from './package-files.ts';
import { decodeUtf8, parseYamlSource, splitFrontmatter, type FieldPath, type YamlSource } from './source.ts';
import { parseWithFriendlyErrors } from './validate.ts';

/** A record read from a YAML source, able to name the line of any of its fields. */
export function located<T>(data: T, file: string, source: YamlSource, basePath: FieldPath = []): Located<T> {
  return { data, file, path: basePath, lineOf: (path = []) => source.lineOf([...basePath, ...path]) };
}

/**
 * Reads the files of one package into validated records, collecting every
 * problem as a finding instead of throwing, so the loader can go on with the
 * next file. Each method returns undefined (or an empty list) for what it
 * could not read; the reason is in `findings`.
 */
export class PackageReader {
  readonly findings: Finding[] = [];
  private readonly files: PackageFiles;

  constructor(files: PackageFiles) {
    this.files = files;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  report(problem: Finding): void {
    this.findings.push(problem);
  }

  /** The file as UTF-8 text. */
  text(file: string): string | undefined {
    const bytes = this.files.get(file);
    if (!bytes) return undefined;
    const decoded = decodeUtf8(bytes, file);
    if ('finding' in decoded) {
      this.report(decoded.finding);
      return undefined;
    }
    return decoded.text;
  }

  /** The file parsed as YAML, with its line map. */
  yaml(file: string): YamlSource | undefined {
    const content = this.text(file);
    if (content === undefined) return undefined;
    if (content.trim() === '') {
      this.report(finding('schema-invalid', { file, line: 1 }, { reason: 'empty-file' }));
      return undefined;
    }
    const parsed = parseYamlSource(content, file);
    if ('findings' in parsed) {
      this.findings.push(...parsed.findings);
      return undefined;
    }
    return parsed.source;
  }

  validate<S extends z.ZodType>(schema: S, value: unknown, file: string, source: YamlSource, basePath: FieldPath = []): z.output<S> | undefined {
    const result = parseWithFriendlyErrors(schema, value, { file, source, basePath });
    this.findings.push(...result.findings);
    return result.data;
  }

  /**
   * A YAML file whose top level is a list (`.yaml` or `.yml`), each record
   * validated on its own. Undefined when the file is missing or not a list.
   */
  list<S extends z.ZodType>(file: string, schema: S, required: boolean): { records: Located<z.output<S>>[]; rawIds: Set<string> } | undefined {
    const actual = [file, file.replace(/\.yaml$/, '.yml')].find((name) => this.files.has(name));
    if (!actual) {
      if (required) this.report(finding('schema-invalid', { file }, { reason: 'required-file-missing', file }));
      return undefined;
    }
    const source = this.yaml(actual);
    if (!source || !Array.isArray(source.value)) {
      if (source) this.records(source.value, actual, source, [], schema);
      return undefined;
    }
    const rawIds = new Set(source.value.map((record: unknown) => (record as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
    return { records: this.records(source.value, actual, source, [], schema), rawIds };
  }

  /** The valid records of a list at `basePath`; the invalid ones are reported and left out. */
  records<S extends z.ZodType>(value: unknown, file: string, source: YamlSource, basePath: FieldPath, schema: S): Located<z.output<S>>[] {
    if (!Array.isArray(value)) {
      this.report(finding('schema-invalid', { file, line: source.lineOf(basePath), field: basePath.join('.') || undefined }, { reason: 'not-a-list', got: value }));
      return [];
    }
    return value.flatMap((record, index) => {
      const path = [...basePath, index];
      const data = this.validate(schema, record, file, source, path);
      return data === undefined ? [] : [located(data, file, source, path)];
    });
  }

  /**
   * A Markdown/MDX document: its frontmatter validated, its body kept with
   * the line it starts on. `complete` may add to a frontmatter record before
   * it is validated (a variant's inherited fields).
   */
  document<S extends z.ZodType>(file: string, schema: S, complete?: (frontmatter: Record<string, unknown>) => Record<string, unknown>): DocumentEntry<z.output<S>> | undefined {
    const raw = this.text(file);
    if (raw === undefined) return undefined;
    const split = splitFrontmatter(raw);
    if (split.frontmatter === undefined) {
      const reason = raw.trim() === '' ? 'empty-document' : split.unclosed ? 'unclosed-frontmatter' : 'no-frontmatter';
      this.report(finding('schema-invalid', { file, line: 1 }, { reason }));
      return undefined;
    }
    const parsed = parseYamlSource(split.frontmatter, file, split.frontmatterLine);
    if ('findings' in parsed) {
      this.findings.push(...parsed.findings);
      return undefined;
    }
    const value = parsed.source.value ?? {};
    const isRecord = typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
    const data = this.validate(schema, complete && isRecord ? complete(value as Record<string, unknown>) : value, file, parsed.source);
    if (data === undefined) return undefined;
    return { ...located(data, file, parsed.source), body: split.body, bodyLine: split.bodyLine, raw };
  }
}
