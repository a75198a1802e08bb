import { z } from 'astro/zod';
import { audience, identifier, isoDate, text, versionLabel } from './common.ts';

const amount = z.number({ error: 'expected a number' }).min(0, 'must not be negative');

/**
 * One band of an approval ladder. A value v falls in the band when
 * `over < v <= upTo`; no `over` means the band starts at 0 inclusive, no
 * `upTo` means it has no upper bound.
 */
export const approvalBandSchema = z
  .strictObject({
    /** Exclusive lower bound. */
    over: amount.optional(),
    /** Inclusive upper bound; leave out for the unbounded top band. */
    upTo: amount.optional(),
    /** Role id of the approver for values in this band. */
    approver: identifier,
  })
  .superRefine((band, ctx) => {
    if (band.over !== undefined && band.upTo !== undefined && band.upTo <= band.over) {
      ctx.addIssue({
        code: 'custom',
        path: ['upTo'],
        message: `upTo (${band.upTo}) must be greater than over (${band.over}); the band is empty`,
      });
    }
  });

/** A circumstance that sends the request to a given approver whatever the value. */
export const approvalConditionSchema = z.strictObject({
  /** The circumstance, e.g. "Sold at ex-factory price". */
  when: text,
  /** Role id of the approver when it applies. */
  approver: identifier,
});

/** Who approves an action, by the value of one metric. */
export const approvalLadderSchema = z.strictObject({
  /** What is being approved, e.g. "Discount off list price". */
  action: text,
  /** A free identifier of the measured quantity, e.g. `discount`, `order-amount`. */
  metric: identifier,
  /** `%` or a currency code. */
  unit: text,
  /** Role that raises the request; it should not approve its own request. */
  initiatedBy: identifier.optional(),
  /** Bands in ascending order of value. */
  bands: z.array(approvalBandSchema).min(1, 'a ladder needs at least one band'),
  /** Circumstances with a fixed approver. */
  conditions: z.array(approvalConditionSchema).optional(),
});

/** One entry of a procedure's revision history. */
export const revisionSchema = z.strictObject({
  /** The version this revision produced. */
  version: versionLabel,
  /** When it was made. */
  date: isoDate,
  /** What changed. */
  summary: text,
});

/** Frontmatter of `procedures/<orderType>/<slug>.mdx`. */
export const procedureSchema = z.strictObject({
  /** Page title. */
  title: text,
  /** One line for search results and link previews. */
  description: text.optional(),
  /** Order type id from handover.yaml; must match the folder. */
  orderType: identifier,
  /** Role id of the procedure's owner. */
  owner: identifier,
  /** Version label of the current text. */
  version: versionLabel,
  /** Date from which the procedure applies. */
  effective: isoDate,
  /** Date by which the owner must review it. */
  reviewBy: isoDate,
  /** `key` procedures get diagrams, decks and sign-off first. */
  criticality: z.enum(['key', 'standard']),
  /** Id of the procedure this one is a variant of. */
  basedOn: text.optional(),
  /** Who may see it. */
  audience,
  /** Revision history, newest last or first. */
  revisions: z.array(revisionSchema).optional(),
  /** Approval authority for the actions of this procedure. */
  approvals: z.array(approvalLadderSchema).optional(),
});

export type ApprovalBand = z.infer<typeof approvalBandSchema>;
export type ApprovalCondition = z.infer<typeof approvalConditionSchema>;
export type ApprovalLadder = z.infer<typeof approvalLadderSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
