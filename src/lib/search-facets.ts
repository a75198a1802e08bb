/**
 * What the search index knows about a page besides its text: filters (content
 * type, order type, owner) the search UI offers, and metadata (version, owner)
 * shown with each result. Labels and values are in the package's language,
 * because Pagefind's UI shows them as they are.
 */
import { learningLabels, type LearningKey } from './i18n/learning.ts';
import { translator } from './i18n.ts';
import type { HandoverPackage } from './package.ts';
import { roleName } from './roles.ts';

/** The kinds of page a reader can narrow a search to. */
export type ContentType = 'overview' | 'procedure' | 'customization' | 'testRecord' | 'conflict' | 'issue' | 'deck' | 'quiz' | 'learningPath' | 'training' | 'glossary' | 'page';

export interface FacetInput {
  types: readonly ContentType[];
  /** Order type ids. */
  orderTypes?: readonly (string | undefined)[];
  /** Role ids. */
  owners?: readonly (string | undefined)[];
  version?: string;
}

export interface SearchFacets {
  /** [filter name, value] pairs; a filter may have several values. */
  filters: [string, string][];
  /** [name, value] pairs shown with the result. */
  meta: [string, string][];
}

const unique = <T>(values: readonly (T | undefined)[]): T[] => [...new Set(values.filter((value): value is T => value !== undefined))];

/** The filters and metadata of one page, labelled in the package's language. */
export function searchFacets(pkg: HandoverPackage, input: FacetInput): SearchFacets {
  const t = translator(learningLabels, pkg.meta?.data.locale);
  const orderTypeName = (id: string) => pkg.meta?.data.orderTypes.find((type) => type.id === id)?.name ?? id;
  const owners = unique(input.owners ?? []).map((id) => roleName(pkg, id));
  const filters: [string, string][] = [
    ...unique(input.types).map((type): [string, string] => [t('search.type'), t(`type.${type}` as LearningKey)]),
    ...unique(input.orderTypes ?? []).map((id): [string, string] => [t('search.orderType'), orderTypeName(id)]),
    ...owners.map((name): [string, string] => [t('search.owner'), name]),
  ];
  // Each hit says what it is and which order types it concerns, before its version and owner.
  const separator = t('glossary.separator');
  const types = unique(input.types).map((type) => t(`type.${type}` as LearningKey));
  const orderTypes = unique(input.orderTypes ?? []).map(orderTypeName);
  const meta: [string, string][] = [];
  if (types.length > 0) meta.push([t('search.type'), types.join(separator)]);
  if (orderTypes.length > 0) meta.push([t('search.orderType'), orderTypes.join(separator)]);
  if (input.version) meta.push([t('search.version'), input.version]);
  if (owners.length > 0) meta.push([t('search.owner'), owners.join(separator)]);
  return { filters, meta };
}

/** Order types of the procedures a record refers to (unknown ids are skipped). */
export function orderTypesOf(pkg: HandoverPackage, procedureIds: readonly string[] | undefined): string[] {
  return unique((procedureIds ?? []).map((id) => pkg.procedures.find((p) => p.id === id)?.data.orderType));
}

/** Facets of a document page, found by its package file: a procedure, a customization document or a free page. */
export function documentFacetInput(pkg: HandoverPackage, file: string): FacetInput | undefined {
  const procedure = pkg.procedures.find((p) => p.file === file);
  if (procedure) return { types: ['procedure'], orderTypes: [procedure.data.orderType], owners: [procedure.data.owner], version: procedure.data.version };
  const customization = pkg.customizations.find((c) => c.requirement?.file === file || c.implementation?.file === file);
  if (customization) return customizationFacetInput(pkg, customization);
  if (pkg.pages.some((page) => page.file === file)) return { types: ['page'] };
  return undefined;
}

/** Facets of a customization: its requirement's procedures and requester, and its implementation's version. */
export function customizationFacetInput(pkg: HandoverPackage, customization: HandoverPackage['customizations'][number], withTests = false): FacetInput {
  const types: ContentType[] = ['customization'];
  if (withTests && (customization.tests?.records.length ?? 0) > 0) types.push('testRecord');
  return {
    types,
    orderTypes: orderTypesOf(pkg, customization.requirement?.data.procedures),
    owners: [customization.requirement?.data.requestedBy],
    version: customization.implementation?.data.version,
  };
}

/**
 * Facets of a register page, which holds many records: each filter lists the
 * values of all its records (the page is one search result; its records show
 * as sub-results under their headings).
 */
export function registerFacetInput(pkg: HandoverPackage, register: 'conflicts' | 'issues' | 'customizations'): FacetInput {
  if (register === 'conflicts') {
    return { types: ['conflict'], orderTypes: pkg.conflicts.flatMap((c) => orderTypesOf(pkg, c.data.procedures)), owners: pkg.conflicts.map((c) => c.data.owner) };
  }
  if (register === 'issues') return { types: ['issue'], orderTypes: pkg.issues.flatMap((i) => orderTypesOf(pkg, i.data.procedures)) };
  return { types: ['customization'], orderTypes: pkg.customizations.flatMap((c) => orderTypesOf(pkg, c.requirement?.data.procedures)) };
}

/**
 * Search ranking: Pagefind's own defaults rather than Starlight's. Starlight's
 * (page length and term frequency nearly ignored) let long compilations such
 * as the handbook and the registers outrank the one procedure a term belongs
 * to, which matters most for Chinese, whose queries split into short words.
 */
export const searchRanking = { pageLength: 0.75, termFrequency: 1, termSaturation: 1.4, termSimilarity: 1 };

/**
 * Index weight of a glossary term's heading: that of a page title (Pagefind
 * weighs h1 at 7), so a search for a term finds its definition as readily as
 * a page named after it.
 */
export const GLOSSARY_TERM_WEIGHT = 7;
