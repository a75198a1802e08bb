import type { z } from 'astro/zod';
import { describeValue, finding, type Finding, type FindingCode, type FindingDetail } from './findings.ts';
import { fieldPathToString, type FieldPath, type YamlSource } from './source.ts';

/**
 * The codes a schema's custom issue may name in its `findingCode` param
 * (schemas/common.ts): those whose whole detail is the issue's own text.
 */
type SchemaIssueCode = { [C in FindingCode]: { problem: string } extends FindingDetail<C> ? C : never }[FindingCode];

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
      const at = { file: where.file, field: fieldPathToString(path), line: where.source.lineOf(path) };
      if (key !== undefined) return finding('schema-invalid', at, { reason: 'unknown-field', field: key, known: new Set(knownKeysAt(schema, issue.path)) });
      const problem = describeIssue(issue, valueAt(value, issue.path));
      const code = issue.code === 'custom' ? (issue.params?.findingCode as SchemaIssueCode | undefined) : undefined;
      return code ? finding(code, at, { problem }) : finding('schema-invalid', at, { reason: 'schema', problem });
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

/** Zod's type names in the words of the YAML an author writes. */
const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping of fields',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
};

/** Zod's own wording starts "Invalid input"; ours (set in the schemas) says what to do, so it wins. */
const isDefaultMessage = (message: string) => /^Invalid|^Too (small|big)|^Unrecognized/.test(message);

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const custom = isDefaultMessage(issue.message) ? undefined : issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = custom ?? `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      return input === undefined ? `required field is missing (${expected})` : `${expected}, got ${describeValue(input)}`;
    }
    case 'invalid_value': {
      const allowed = custom ?? `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return input === undefined ? `required field is missing (${allowed})` : `${allowed}; got ${describeValue(input)}`;
    }
    case 'invalid_union':
      if (input === undefined) return 'required field is missing';
      return `${custom ?? 'has the wrong form'}, got ${describeValue(input)}`;
    case 'too_small':
      return issue.origin === 'array' && input === undefined ? 'required field is missing' : issue.message;
    default:
      return issue.message;
  }
}

/**
 * The field names a schema allows at a path, for "did you mean" on a
 * misspelt field. Walks zod's public definition objects.
 */
export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  let current: z.core.$ZodType | undefined = schema;
  const unwrap = (type: z.core.$ZodType | undefined): z.core.$ZodType | undefined => {
    const def = type?._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType } | undefined;
    if (def && ['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(def.type)) return unwrap(def.innerType);
    if (def?.type === 'pipe') return unwrap(def.in);
    return type;
  };
  for (const key of path) {
    const def = unwrap(current)?._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    current = def?.type === 'object' ? def.shape?.[String(key)] : def?.type === 'array' ? def.element : undefined;
  }
  const def = unwrap(current)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
