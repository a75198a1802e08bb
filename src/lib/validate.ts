import type { z } from 'astro/zod';
import { finding, type Finding, type FindingCode } from './findings.ts';
import { fieldPathToString, type FieldPath, type YamlSource } from './source.ts';

/**
 * Validates one value against its schema and turns every zod issue into a
 * finding `file → field: message` with the line the field was written on.
 * `basePath` places the value inside its file (e.g. the index of a record in
 * a list file) so paths and lines are those of the whole file.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: { file: string; source: YamlSource; basePath?: FieldPath },
): { data: z.output<S>; findings: [] } | { data: undefined; findings: Finding[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, findings: [] };
  const basePath = where.basePath ?? [];
  const findings = result.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = [...basePath, ...issue.path, ...(key === undefined ? [] : [key])];
      const code = (issue.code === 'custom' && (issue.params?.findingCode as FindingCode | undefined)) || 'schema-invalid';
      return finding(code, { file: where.file, field: fieldPathToString(path), line: where.source.lineOf(path) }, describeIssue(issue, valueAt(value, issue.path)));
    });
  });
  return { data: undefined, findings };
}

function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `required field is missing (expected ${issue.expected})`;
      return `${issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message}, got ${describeValue(input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(input)}`;
    case 'unrecognized_keys':
      return 'unknown field; check the spelling against the authoring guide';
    case 'invalid_union':
      return input === undefined ? 'required field is missing' : `${issue.message.startsWith('Invalid input') ? 'has the wrong form' : issue.message}, got ${describeValue(input)}`;
    case 'too_small':
      return issue.origin === 'array' && input === undefined ? 'required field is missing' : issue.message;
    default:
      return issue.message;
  }
}
