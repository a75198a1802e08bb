import type { ApprovalLadder, Role } from '../schemas/index.ts';
import { bandContains, formatBand, formatNumber } from './approvals.ts';
import { intersectIntervals, isEmptyInterval, normalizeLadder, type BandInterval } from './ladder-analysis.ts';

/**
 * An approval ladder drawn on its value axis, as a static SVG made at build
 * time: one bar per band, coloured by approver role, with the stretches that
 * have no approver hatched in red and overlapping bands stacked in lanes, so
 * that a gap or an overlap shows at a glance.
 *
 * The axis is piecewise: every bound of the ladder is a tick, and the
 * stretch between two ticks is as wide as its share of the values, but never
 * narrower than a readable minimum, so a gap of 0.01 is as visible as a band
 * of 100,000. The stretch beyond the last bound runs to infinity.
 */

/** Fills light enough for dark text on them, told apart by hue; role colours cycle through them. */
export const rolePalette = ['#8ecae6', '#ffc94d', '#95d5b2', '#f4a6c1', '#c9b6f2', '#f9a66c', '#9fd8cf', '#dcd36f', '#c7c7c7'] as const;

/** A colour per role, the same on every chart of the site: by rank, then as roles.yaml lists them. */
export function roleColors(pkg: { roles: readonly { data: Pick<Role, 'id' | 'rank'> }[] }): Map<string, string> {
  const ordered = pkg.roles.map((role, index) => ({ id: role.data.id, rank: role.data.rank, index })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  const colors = new Map<string, string>();
  for (const role of ordered) if (!colors.has(role.id)) colors.set(role.id, rolePalette[colors.size % rolePalette.length]!);
  return colors;
}

/** Colour of roles that roles.yaml does not declare. */
export const unknownRoleColor = '#d9d9d9';

const WIDTH = 560;
const PAD_X = 14;
const LANE_HEIGHT = 26;
const LANE_GAP = 4;
const TOP = 4;
/** Narrowest stretch between two ticks, so short stretches (and tiny gaps) stay visible. */
const MIN_STRETCH = 40;
/** Share of the width given to the stretch from the last bound to infinity. */
const TAIL_SHARE = 0.24;
const FONT_SIZE = 12;
const TICK_FONT_SIZE = 11;

/** A horizontal extent of the drawing. */
export interface Span {
  x: number;
  width: number;
}

export interface ChartBand extends Span {
  interval: BandInterval;
  /** 0 for the first lane; bands that overlap an earlier band go lower. */
  lane: number;
  /** True for the band without upTo: drawn as an arrow to the right edge. */
  unbounded: boolean;
}

export interface ChartTick {
  value: number;
  x: number;
  /** 0 or 1: labels that would collide with their left neighbour move to a second row. */
  row: number;
}

/** Positions of a ladder's chart, before drawing; exported for tests. */
export interface ChartLayout {
  ticks: ChartTick[];
  bands: ChartBand[];
  lanes: number;
  /** Stretches (or single values, drawn as narrow marks) no band covers. */
  gaps: Span[];
  /** Stretches (or single values) covered by two or more bands. */
  overlaps: Span[];
  /** The x of the right end of the axis (infinity). */
  end: number;
}

/** Rough width of a text: CJK characters are square, Latin ones a bit over half as wide. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF00-\uFFEF]/u.test(char) ? 1 : 0.58;
  return em * fontSize;
}

/** Widths of the stretches between ticks: proportional, each at least MIN_STRETCH (equal when even that does not fit). */
function stretchWidths(lengths: readonly number[], available: number): number[] {
  if (lengths.length === 0) return [];
  if (lengths.length * MIN_STRETCH >= available) return lengths.map(() => available / lengths.length);
  const pinned = new Set<number>();
  for (;;) {
    const free = available - pinned.size * MIN_STRETCH;
    const total = lengths.reduce((sum, length, index) => (pinned.has(index) ? sum : sum + length), 0);
    const widths = lengths.map((length, index) => (pinned.has(index) ? MIN_STRETCH : (free * length) / total));
    const tooNarrow = widths.findIndex((width, index) => !pinned.has(index) && width < MIN_STRETCH);
    if (tooNarrow < 0) return widths;
    pinned.add(tooNarrow);
  }
}

/** Merges touching spans, so a gap of several stretches is one hatched area. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.x <= last.x + last.width + 0.001) last.width = Math.max(last.width, span.x + span.width - last.x);
    else merged.push({ ...span });
  }
  return merged;
}

/** Lays a ladder out on its axis. */
export function bandChartLayout(ladder: Pick<ApprovalLadder, 'bands'>, locale = 'en'): ChartLayout {
  const intervals = normalizeLadder(ladder).filter((interval) => !isEmptyInterval(interval));
  const bounds = [...new Set([0, ...ladder.bands.flatMap((band) => [band.over, band.upTo]).filter((value) => value !== undefined)])].sort((a, b) => a - b);
  const inner = WIDTH - 2 * PAD_X;
  const tailWidth = bounds.length > 1 ? inner * TAIL_SHARE : inner;
  const widths = stretchWidths(
    bounds.slice(1).map((bound, index) => bound - bounds[index]!),
    inner - tailWidth,
  );
  const xs = bounds.map((_, index) => PAD_X + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const end = WIDTH - PAD_X;
  const xOf = (value: number) => (value === Infinity ? end : xs[bounds.indexOf(value)]!);

  const lanesUsed: BandInterval[][] = [];
  const bands = intervals.map((interval): ChartBand => {
    let lane = lanesUsed.findIndex((used) => used.every((other) => !intersectIntervals(other, interval)));
    if (lane < 0) lane = lanesUsed.push([]) - 1;
    lanesUsed[lane]!.push(interval);
    const x = xOf(interval.lower);
    return { interval, lane, unbounded: interval.upper === Infinity, x, width: xOf(interval.upper) - x };
  });

  // Coverage is sampled once per stretch and once per tick: between two
  // consecutive bounds every value is in the same bands.
  const coverage = (value: number) => ladder.bands.filter((band) => bandContains(band, value)).length;
  const POINT = 4;
  const stretches = bounds.map((bound, index) => {
    const next = bounds[index + 1];
    return { sample: next === undefined ? bound + 1 : (bound + next) / 2, x: xs[index]!, width: (next === undefined ? end : xs[index + 1]!) - xs[index]! };
  });
  const pieces = [
    ...stretches.map((stretch) => ({ count: coverage(stretch.sample), span: { x: stretch.x, width: stretch.width } })),
    ...bounds.map((bound, index) => ({ count: coverage(bound), span: { x: xs[index]! - POINT / 2, width: POINT } })),
  ].sort((a, b) => a.span.x - b.span.x);
  const gaps = mergeSpans(pieces.filter((piece) => piece.count === 0).map((piece) => piece.span));
  const overlaps = mergeSpans(pieces.filter((piece) => piece.count > 1).map((piece) => piece.span));

  let previousEnd = -Infinity;
  let previousRow = 1;
  const ticks = bounds.map((value, index): ChartTick => {
    const x = xs[index]!;
    const half = textWidth(formatNumber(value, locale), TICK_FONT_SIZE) / 2;
    // Alternate rows only when the label would touch its neighbour.
    const row = x - half < previousEnd + 4 && previousRow === 0 ? 1 : 0;
    if (row === 0) previousEnd = x + half;
    previousRow = row;
    return { value, x, row };
  });
  return { ticks, bands, lanes: Math.max(1, lanesUsed.length), gaps, overlaps, end };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The text shortened with an ellipsis to fit a width, or empty when not even two characters fit. */
function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  for (let length = chars.length - 1; length >= 2; length--) {
    const shortened = `${chars.slice(0, length).join('').trimEnd()}…`;
    if (textWidth(shortened, fontSize) <= width) return shortened;
  }
  return '';
}

export interface BandChartOptions {
  /** Unique on the page: the hatch pattern of gaps is referenced by id. */
  id: string;
  locale: string;
  /** Display name of a role id. */
  nameOf: (role: string) => string;
  /** Fill colour of a role id. */
  colorOf: (role: string) => string;
  /** What the chart shows, for its accessible name, e.g. the action. */
  title: string;
  /** Label of a stretch without approver, e.g. "no approver". */
  noApprover: string;
  /** Label of a stretch with two approvers, e.g. "overlap". */
  overlap: string;
}

/** The SVG of a ladder's band chart; it scales to its container's width. */
export function bandChartSvg(ladder: Pick<ApprovalLadder, 'bands' | 'unit'>, options: BandChartOptions): string {
  const layout = bandChartLayout(ladder, options.locale);
  const hatch = `${options.id.replace(/[^A-Za-z0-9_-]/g, '-')}-hatch`;
  const axisY = TOP + layout.lanes * (LANE_HEIGHT + LANE_GAP) + 2;
  const height = axisY + 6 + 2 * (TICK_FONT_SIZE + 3) + 4;
  const laneY = (lane: number) => TOP + lane * (LANE_HEIGHT + LANE_GAP);
  const describe = (band: BandInterval['band']) => `${formatBand(band, ladder.unit, options.locale)}: ${options.nameOf(band.approver)}`;
  const label = `${options.title}: ${ladder.bands.map(describe).join('; ')}`;
  const parts: string[] = [];

  for (const gap of layout.gaps) {
    const text = fitText(options.noApprover, gap.width - 6, FONT_SIZE - 1);
    parts.push(
      `<g class="ho-chart-gap"><title>${escapeXml(options.noApprover)}</title>` +
        `<rect x="${gap.x.toFixed(1)}" y="${TOP}" width="${gap.width.toFixed(1)}" height="${axisY - TOP}" fill="url(#${hatch})" stroke="#c62828" stroke-dasharray="3 2"/>` +
        (text ? `<text x="${(gap.x + gap.width / 2).toFixed(1)}" y="${TOP + LANE_HEIGHT / 2 + 4}" text-anchor="middle" font-size="${FONT_SIZE - 1}" fill="#c62828" font-weight="600">${escapeXml(text)}</text>` : '') +
        '</g>',
    );
  }
  for (const band of layout.bands) {
    const y = laneY(band.lane);
    const right = band.x + band.width;
    const fill = options.colorOf(band.interval.band.approver);
    // The unbounded band ends in an arrowhead: its values go on for ever.
    const shape = band.unbounded
      ? `<path d="M${(band.x + 1).toFixed(1)} ${y} H${(right - 11).toFixed(1)} L${right.toFixed(1)} ${y + LANE_HEIGHT / 2} L${(right - 11).toFixed(1)} ${y + LANE_HEIGHT} H${(band.x + 1).toFixed(1)} Z" fill="${fill}" stroke="#333" stroke-width="0.75"/>`
      : `<rect x="${(band.x + 1).toFixed(1)}" y="${y}" width="${Math.max(1, band.width - 2).toFixed(1)}" height="${LANE_HEIGHT}" rx="3" fill="${fill}" stroke="#333" stroke-width="0.75"/>`;
    const text = fitText(options.nameOf(band.interval.band.approver), band.width - (band.unbounded ? 18 : 8), FONT_SIZE);
    parts.push(
      `<g class="ho-chart-band"><title>${escapeXml(describe(band.interval.band))}</title>${shape}` +
        (text ? `<text x="${(band.x + 5).toFixed(1)}" y="${y + LANE_HEIGHT / 2 + 4}" font-size="${FONT_SIZE}" fill="#1a1a1a">${escapeXml(text)}</text>` : '') +
        '</g>',
    );
  }
  for (const overlap of layout.overlaps) {
    parts.push(
      `<g class="ho-chart-overlap"><title>${escapeXml(options.overlap)}</title>` +
        `<rect x="${overlap.x.toFixed(1)}" y="${TOP - 2}" width="${overlap.width.toFixed(1)}" height="${axisY - TOP + 2}" fill="none" stroke="#c62828" stroke-width="2"/></g>`,
    );
  }
  parts.push(`<line x1="${PAD_X}" y1="${axisY}" x2="${layout.end}" y2="${axisY}" stroke="currentColor" stroke-width="1"/>`);
  for (const tick of layout.ticks) {
    const y = axisY + 6 + (tick.row + 1) * (TICK_FONT_SIZE + 1);
    parts.push(
      `<line x1="${tick.x.toFixed(1)}" y1="${axisY}" x2="${tick.x.toFixed(1)}" y2="${axisY + 4 + tick.row * (TICK_FONT_SIZE + 1)}" stroke="currentColor"/>` +
        `<text x="${tick.x.toFixed(1)}" y="${y}" text-anchor="middle" font-size="${TICK_FONT_SIZE}" fill="currentColor">${escapeXml(formatNumber(tick.value, options.locale))}</text>`,
    );
  }
  parts.push(`<text x="${layout.end}" y="${axisY + 6 + TICK_FONT_SIZE + 1}" text-anchor="end" font-size="${TICK_FONT_SIZE}" fill="currentColor">∞ ${escapeXml(ladder.unit)}</text>`);

  // Each chart defines its own pattern: a pattern inside a hidden chart would not paint in the others.
  const defs =
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    '<rect width="6" height="6" fill="#c62828" fill-opacity="0.08"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c62828" stroke-opacity="0.45" stroke-width="2"/></pattern></defs>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="ho-band-chart-svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(label)}">` +
    `${layout.gaps.length > 0 ? defs : ''}${parts.join('')}</svg>`
  );
}
