import { z } from 'astro/zod';
import { identifier, isoDate, text } from './common.ts';

/**
 * One rule of `masterdata.yaml`: who may create and change one kind of
 * master data. Opening creation to everyone is the field's classic failure
 * (a new payment term per customer), so the check reads these rules.
 */
export const masterDataRuleSchema = z.strictObject({
  /** Rule number, e.g. MD-01. */
  id: identifier,
  /** The kind of master data, e.g. "Payment terms". */
  entity: text,
  /** What it is and why it matters. */
  description: text.optional(),
  /** Role that owns the data and answers for its quality. */
  owner: text,
  /** Roles that may create records. */
  create: z.array(text).min(1, 'name at least one role that may create records'),
  /** Roles that may change records. */
  change: z.array(text).min(1, 'name at least one role that may change records'),
  /** Role that approves a new record, if creation needs an approval. */
  approve: text.optional(),
  /** Fields a new record must have. */
  requiredFields: z.array(text).optional(),
  /** How a duplicate is found before a record is created. */
  duplicateCheck: text.optional(),
  /** When the rule is next reviewed. */
  reviewBy: isoDate.optional(),
  /** Ids of the procedures that use this data. */
  procedures: z.array(text).optional(),
});

export type MasterDataRule = z.infer<typeof masterDataRuleSchema>;
