import { z } from 'astro/zod';
import { identifier, isoDate, text } from './common.ts';

/** One kind of order, e.g. standard sales order or sample order. Procedures are grouped by it. */
export const orderTypeSchema = z.strictObject({
  /** Used in procedure paths: `procedures/<id>/<slug>.mdx`. */
  id: identifier,
  /** Display name in the sidebar and the matrices. */
  name: text,
  /** What sets this order type apart, one or two sentences. */
  description: text.optional(),
});

/**
 * A guided route through the package for one kind of reader. A step is a
 * procedure id, `deck:<slug>` or `quiz:<slug>`.
 */
export const learningPathSchema = z.strictObject({
  /** Used in the path's URL. */
  id: identifier,
  /** Shown as the path's heading. */
  title: text,
  /** Who the path is for, e.g. "New order clerks". */
  audience: text.optional(),
  /** Ordered steps: procedure ids, `deck:<slug>` or `quiz:<slug>`. */
  steps: z.array(text).min(1, 'a learning path needs at least one step'),
});

/** `handover.yaml`: what the package is about and how it is organised. */
export const handoverSchema = z.strictObject({
  /** Title of the portal. */
  title: text,
  /** The company that runs the system. */
  organization: text,
  /** The system handed over, e.g. "Dynamics 365 Sales". */
  system: text,
  /** Date the system went live. */
  goLive: isoDate,
  /** UI language of the portal. */
  locale: z.enum(['en', 'zh-CN', 'zh-TW']).default('en'),
  /** ISO currency code of amounts in approval ladders, e.g. EUR. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter ISO currency code such as EUR'),
  /** Order types in the order the portal lists them. */
  orderTypes: z.array(orderTypeSchema).min(1, 'declare at least one order type'),
  /** Optional guided routes for new staff. */
  learningPaths: z.array(learningPathSchema).optional(),
  /**
   * Who takes problem reports (the key user or help desk): every page links
   * to an e-mail to this address with a report template, since each problem
   * should be reported the day it happens.
   */
  contact: z
    .strictObject({
      /** Name shown with the link, e.g. "CRM key user". */
      name: text.optional(),
      /** E-mail address that receives the reports. */
      email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an e-mail address such as crm-support@example.com'),
    })
    .optional(),
  /**
   * The version that was signed off, for "Changes since": a git revision of
   * the package's repository (a tag such as signed-off-2026-06), or a folder
   * inside the package holding a copy of that version.
   */
  baseline: text.optional(),
});

export type OrderType = z.infer<typeof orderTypeSchema>;
export type LearningPath = z.infer<typeof learningPathSchema>;
export type Handover = z.infer<typeof handoverSchema>;
