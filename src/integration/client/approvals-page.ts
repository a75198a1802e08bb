// The browser side of /approvals/: the approver lookup and the matrix filters.
// It runs on the static page without a server; the ladders come from JSON the
// page embeds, and the band logic is the same module the build uses, so the
// lookup and the matrix can never disagree about a boundary.
import { ambiguousValue, formatBand, formatExact, implausibleValue, lookupApproval, parseValue } from '../../lib/approvals.ts';
import { around, fill } from '../../lib/i18n/approvals.ts';

/** What the page embeds for the lookup: the ladders with display names, and the sentences it answers in. */
export interface LookupData {
  locale: string;
  labels: Record<'approvedBy' | 'overlap' | 'negative' | 'gap' | 'above' | 'invalid' | 'ambiguous' | 'implausible' | 'share' | 'conditions' | 'condition' | 'prompt' | 'showing', string>;
  ladders: {
    orderType: string;
    /** Procedure title. */
    procedure: string;
    /** Procedure id: with the action, what names the ladder in a shared address. */
    procedureId: string;
    action: string;
    unit: string;
    /** `approver` is the role's display name. */
    bands: { over?: number; upTo?: number; approver: string }[];
    conditions: { when: string; approver: string }[];
    /** Set when the procedure inherits the ladder from its base: the sentence saying so. */
    inherited?: string;
  }[];
}

function element<T extends HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** A sentence with its `{approver}` in bold: the one word the reader looks for. */
function withApprover(label: string, values: Record<string, string>, approver: string): HTMLParagraphElement {
  const [before, after] = around(label, 'approver');
  const p = document.createElement('p');
  p.append(fill(before, values), Object.assign(document.createElement('strong'), { textContent: approver }), fill(after, values));
  return p;
}

function list(items: string[]): HTMLUListElement {
  const ul = document.createElement('ul');
  for (const item of items) ul.append(Object.assign(document.createElement('li'), { textContent: item }));
  return ul;
}

function initLookup(data: LookupData) {
  const form = element<HTMLFormElement>('ho-lookup-form');
  const orderType = element<HTMLSelectElement>('lookup-order-type');
  const ladderSelect = element<HTMLSelectElement>('lookup-ladder');
  const input = element<HTMLInputElement>('lookup-value');
  const unit = element<HTMLElement>('lookup-unit');
  const result = element<HTMLElement>('lookup-result');
  if (!form || !orderType || !ladderSelect || !input || !unit || !result) return;
  const { labels, locale } = data;
  const quantity = (value: number, ladderUnit: string) => `${formatExact(value, locale)} ${ladderUnit}`;

  // An answer has an address: ?lookup=<procedure>&action=<action>&value=<as typed>, kept beside the matrix filters.
  const LOOKUP_PARAMS = ['lookup', 'action', 'value'] as const;
  const share = (ladder: LookupData['ladders'][number] | undefined, text: string) => {
    const query = new URLSearchParams(location.search);
    for (const name of LOOKUP_PARAMS) query.delete(name);
    if (ladder && text !== '') {
      query.set('lookup', ladder.procedureId);
      query.set('action', ladder.action);
      query.set('value', text);
    }
    history.replaceState(null, '', `${location.pathname}${query.size > 0 ? `?${query}` : ''}${location.hash}`);
  };

  const fillLadders = () => {
    const current = ladderSelect.value;
    ladderSelect.replaceChildren(
      ...data.ladders.flatMap((ladder, index) =>
        ladder.orderType === orderType.value ? [new Option(`${ladder.action} — ${ladder.procedure}`, String(index), false, String(index) === current)] : [],
      ),
    );
  };

  const answer = () => {
    const ladder = data.ladders[Number(ladderSelect.value)];
    unit.textContent = ladder?.unit ?? '';
    const text = input.value.trim();
    result.dataset.outcome = '';
    delete result.dataset.implausible;
    share(ladder, text);
    if (!ladder || text === '') {
      result.replaceChildren(paragraph(labels.prompt));
      return;
    }
    if (ambiguousValue(text)) {
      result.dataset.outcome = 'ambiguous';
      result.replaceChildren(paragraph(fill(labels.ambiguous, { text })));
      return;
    }
    const value = parseValue(text, ladder.unit);
    if (value === undefined) {
      result.dataset.outcome = 'invalid';
      result.replaceChildren(paragraph(fill(labels.invalid, { text })));
      return;
    }
    const found = lookupApproval(ladder, value);
    const shown = quantity(value, ladder.unit);
    const parts: HTMLElement[] = [];
    if (found.outside) {
      result.dataset.outcome = found.outside;
      parts.push(paragraph(fill(labels[found.outside], { value: shown })));
    } else if (found.bands.length === 1) {
      result.dataset.outcome = 'approver';
      const band = found.bands[0]!;
      parts.push(withApprover(labels.approvedBy, { value: shown, band: formatBand(band, ladder.unit, locale) }, band.approver));
    } else {
      result.dataset.outcome = 'overlap';
      parts.push(paragraph(fill(labels.overlap, { value: shown })), list(found.bands.map((band) => `${formatBand(band, ladder.unit, locale)}: ${band.approver}`)));
    }
    result.dataset.approver = found.bands.map((band) => band.approver).join(' | ');
    if (found.conditions.length > 0) {
      parts.push(paragraph(labels.conditions), list(found.conditions.map((condition) => fill(labels.condition, { when: condition.when, approver: condition.approver }))));
    }
    if (implausibleValue(value, ladder.unit)) {
      result.dataset.implausible = '';
      parts.unshift(paragraph(fill(labels.implausible, { value: shown })));
    }
    if (ladder.inherited) parts.push(paragraph(ladder.inherited));
    const link = paragraph('');
    link.className = 'ho-lookup-share';
    link.append(Object.assign(document.createElement('a'), { href: location.href, textContent: labels.share }));
    parts.push(link);
    result.replaceChildren(...parts);
  };

  orderType.addEventListener('change', () => {
    fillLadders();
    answer();
  });
  ladderSelect.addEventListener('change', answer);
  input.addEventListener('input', answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    answer();
  });
  // Opened from a shared address: choose its ladder and value, then answer.
  const query = new URLSearchParams(location.search);
  const shared = data.ladders.findIndex((ladder) => ladder.procedureId === query.get('lookup') && ladder.action === query.get('action'));
  if (shared >= 0) {
    orderType.value = data.ladders[shared]!.orderType;
    fillLadders();
    ladderSelect.value = String(shared);
    input.value = query.get('value') ?? '';
  } else fillLadders();
  answer();
}

function initFilters(data: LookupData) {
  const form = element<HTMLFormElement>('ho-filters');
  const matrix = element<HTMLTableElement>('ho-matrix');
  const status = element<HTMLElement>('filter-status');
  if (!form || !matrix || !status) return;
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const filters = ['orderType', 'role', 'metric'] as const;

  // A filtered view can be linked to: ?role=sales-manager shows that role's authority.
  const query = new URLSearchParams(location.search);
  for (const name of filters) {
    const wanted = query.get(name);
    if (wanted && [...select(name).options].some((option) => option.value === wanted)) select(name).value = wanted;
  }

  const apply = () => {
    const [orderType, role, metric] = filters.map((name) => select(name).value);
    const matches = (node: HTMLElement) =>
      (!orderType || node.dataset.orderType === orderType) && (!metric || node.dataset.metric === metric) && (!role || (node.dataset.roles ?? '').split(' ').includes(role));
    for (const node of document.querySelectorAll<HTMLElement>('[data-ladder]')) node.hidden = !matches(node);
    for (const group of matrix.tBodies) group.hidden = !group.querySelector('tr[data-ladder]:not([hidden])');
    for (const view of document.querySelectorAll<HTMLElement>('[data-role-view]')) {
      view.hidden = (role !== '' && view.dataset.roleView !== role) || !view.querySelector('tr[data-ladder]:not([hidden])');
    }
    matrix.classList.toggle('ho-role-filtered', role !== '');
    for (const cell of matrix.querySelectorAll<HTMLElement>('[data-role]')) cell.classList.toggle('ho-role-match', cell.dataset.role === role);
    const rows = [...matrix.querySelectorAll<HTMLElement>('tr[data-ladder]')];
    status.textContent = fill(data.labels.showing, { shown: rows.filter((row) => !row.hidden).length, total: rows.length });
    // The lookup's parameters stay as they are: a filtered matrix and an answer can share one address.
    const next = new URLSearchParams(location.search);
    for (const name of filters) {
      if (select(name).value) next.set(name, select(name).value);
      else next.delete(name);
    }
    history.replaceState(null, '', `${location.pathname}${next.size > 0 ? `?${next}` : ''}${location.hash}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  // Reset restores the selects after the event; apply once it has.
  form.addEventListener('reset', () => setTimeout(apply));
  apply();
}

/** Wires the lookup and the filters of /approvals/. */
export function initApprovalsPage() {
  const source = document.getElementById('ho-approvals-data');
  if (!source?.textContent) return;
  const data = JSON.parse(source.textContent) as LookupData;
  initLookup(data);
  initFilters(data);
}
