import { z } from 'astro/zod';
import { audience, identifier, isoDate, text, versionLabel } from './common.ts';

/** Frontmatter of `customizations/<ID>/requirement.mdx`: what the business asked for. */
export const requirementSchema = z.strictObject({
  /** Title of the customization. */
  title: text,
  /** One line for search results. */
  description: text.optional(),
  /** Role id of the requester. */
  requestedBy: identifier,
  /** Business priority, e.g. high, medium, low. */
  priority: text,
  /** Where the requirement stands. */
  status: z.enum(['proposed', 'accepted', 'delivered', 'rejected']),
  /** Ids of the procedures it changes. */
  procedures: z.array(text).optional(),
  /** What users must know the customization cannot do. */
  limitations: z.array(text).optional(),
  /** An internal requirement makes the whole customization internal. */
  audience,
});

/** Frontmatter of `customizations/<ID>/implementation.mdx`: what the vendor built. */
export const implementationSchema = z.strictObject({
  /** Title of the implementation spec. */
  title: text,
  /** One line for search results. */
  description: text.optional(),
  /** Who built it. */
  vendor: text,
  /** Date of delivery to production. */
  delivered: isoDate.optional(),
  /** Version of the delivered build. */
  version: versionLabel.optional(),
  /** Who may see it. */
  audience,
});

/** One record of `customizations/<ID>/tests.yaml`. */
export const testRecordSchema = z.strictObject({
  /** Test id, unique within the customization. */
  id: identifier,
  /** What was tested. */
  case: text,
  /** When it was run. */
  date: isoDate,
  /** Who ran it. */
  tester: text,
  /** The outcome. */
  result: z.enum(['pass', 'fail', 'blocked']),
  /** Expected behaviour. */
  expected: text.optional(),
  /** Observed behaviour. */
  actual: text.optional(),
  /** Usage limitations this result implies. */
  limitations: z.array(text).optional(),
  /** Why a failure was accepted, and by whom. */
  waiver: text.optional(),
  /** Who may see it. */
  audience,
});

/** `customizations/<ID>/tests.yaml`. */
export const testRecordsFileSchema = z.strictObject(
  {
    /** The test records, in the order they were run. */
    records: z.array(z.unknown(), { error: 'expected a list under "records"' }),
  },
  { error: 'expected "records:" followed by the list of test records' },
);

export type Requirement = z.infer<typeof requirementSchema>;
export type Implementation = z.infer<typeof implementationSchema>;
export type TestRecord = z.infer<typeof testRecordSchema>;
