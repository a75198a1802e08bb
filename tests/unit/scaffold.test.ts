import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/lib/check.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { appendRecord, nextId, scaffold, slugify, type ScaffoldFlags, type ScaffoldPlan } from '../../src/lib/scaffold.ts';
import { filesOf } from '../support/package.ts';

const today = new Date(Date.UTC(2026, 8, 30));
const base = {
  'handover.yaml': 'title: T\norganization: O\nsystem: S\ngoLive: 2026-01-05\ncurrency: EUR\norderTypes:\n  - id: standard\n    name: Standard\n  - id: sample\n    name: Sample\n',
  'roles.yaml': '- id: clerk\n  name: Order Clerk\n  rank: 1\n- id: boss\n  name: Boss\n  rank: 2\n',
  'procedures/standard/order.mdx': '---\ntitle: Order\norderType: standard\nowner: clerk\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\ncriticality: key\n---\n```mermaid\nflowchart TD\n  A --> B\n```\n',
  'decks/basics.md': '---\nmarp: true\ntitle: Basics\ncovers:\n  - standard/order\n---\n# Basics\n',
  'conflicts.yaml': '# Register of conflicts.\n  - id: CF-01\n    title: First\n    legacyPractice: L\n    systemRule: S\n    owner: clerk\n    status: open\n  - id: CF-02\n    title: Second\n    legacyPractice: L\n    systemRule: S\n    owner: clerk\n    status: open', // indented list, no final newline
};

function plan(type: string, flags: ScaffoldFlags, tree: Record<string, string> = base): ScaffoldPlan {
  const result = scaffold(type, flags, filesOf(tree), today);
  if (!result.ok) throw new Error(`unexpected refusal: ${result.message}`);
  return result.plan;
}

/** The package after the plan's writes, as the CLI would leave it on disk. */
function applied(result: ScaffoldPlan, tree: Record<string, string> = base): Record<string, string> {
  const after = { ...tree };
  for (const write of result.writes) after[write.path] = write.mode === 'append' ? (after[write.path] ?? '') + write.content : write.content;
  return after;
}

async function errorsAfter(result: ScaffoldPlan, tree: Record<string, string> = base) {
  const checked = await checkPackage(filesOf(applied(result, tree)), { today });
  return checked.findings.filter((f) => f.severity === 'error');
}

describe('scaffold', () => {
  it('writes a procedure with defaults and says what it assumed', async () => {
    const result = plan('procedure', { title: 'Rush order (EU)', orderType: 'standard' });
    expect(result.writes.map((w) => [w.path, w.mode])).toEqual([['procedures/standard/rush-order-eu.mdx', 'create']]);
    expect(result.writes[0]!.content).toMatch(/^---\ntitle: Rush order \(EU\)\norderType: standard\nowner: clerk\nversion: "0\.1"\neffective: 2026-09-30\nreviewBy: 2027-09-30\ncriticality: standard\n/);
    expect(result.assumed).toEqual([
      'owner clerk (the first role in roles.yaml)',
      'criticality standard',
      'version "0.1"',
      'effective 2026-09-30 (today)',
      'reviewBy 2027-09-30 (one year after the effective date)',
    ]);
    expect(await errorsAfter(result)).toEqual([]);
  });

  it.each([
    ['customization', { title: 'Label printing' }],
    ['conflict', { title: 'Phoned orders' }],
    ['issue', { title: 'Labels print twice', category: 'system' }],
    ['deck', { title: 'Rush training', covers: 'standard/order' }],
    ['quiz', { title: 'Rush quiz' }],
    ['procedure', { title: '加急订单', orderType: 'sample', owner: 'boss', criticality: 'key' }],
  ] as const)('makes a %s that passes check without errors', async (type, flags) => {
    expect(await errorsAfter(plan(type, flags))).toEqual([]);
  });

  it('appends a conflict at the end, in the file\'s indentation, with the next free id', () => {
    const result = plan('conflict', { title: 'Phoned orders', owner: 'boss' });
    const [write] = result.writes;
    expect(write).toMatchObject({ path: 'conflicts.yaml', mode: 'append' });
    expect(write!.content.startsWith('\n  - id: CF-03\n    title: Phoned orders\n')).toBe(true);
    const after = applied(result)['conflicts.yaml']!;
    expect(after.startsWith(base['conflicts.yaml'])).toBe(true);
    expect(loadPackage(filesOf(applied(result))).pkg.conflicts.map((c) => c.data.id)).toEqual(['CF-01', 'CF-02', 'CF-03']);
  });

  it('creates a register that does not exist yet', () => {
    const result = plan('issue', { title: 'First problem' });
    expect(result.writes).toEqual([{ path: 'issues.yaml', mode: 'create', content: expect.stringMatching(/^- id: ISS-001\n  reported: 2026-09-30\n  reporter: Order Clerk\n/) }]);
  });

  it('keeps CRLF line endings of the register it appends to', () => {
    const tree = { ...base, 'issues.yaml': '- id: I-7\r\n  reported: 2026-01-06\r\n  reporter: A\r\n  category: data\r\n  summary: S\r\n  status: open\r\n' };
    const [write] = plan('issue', { title: 'Next' }, tree).writes;
    expect(write!.content.startsWith('- id: I-8\r\n  reported: 2026-09-30\r\n')).toBe(true);
    expect(write!.content.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses to overwrite, exit 1', () => {
    expect(scaffold('procedure', { title: 'Order', orderType: 'standard' }, filesOf(base), today)).toEqual({
      ok: false,
      exitCode: 1,
      message: 'procedures/standard/order.mdx already exists; handover new never overwrites a file (choose another --title or --slug; nothing was written)',
    });
    expect(scaffold('conflict', { title: 'X', id: 'CF-02' }, filesOf(base), today)).toMatchObject({ ok: false, exitCode: 1 });
    expect(scaffold('deck', { title: 'Basics' }, filesOf(base), today)).toMatchObject({ ok: false, exitCode: 1 });
  });

  it('refuses a register it could only extend by rewriting it', () => {
    const result = scaffold('issue', { title: 'X' }, filesOf({ ...base, 'issues.yaml': '[]\n' }), today);
    expect(result).toMatchObject({ ok: false, exitCode: 1, message: expect.stringContaining('is not a block list of records') });
  });

  it('rejects bad flags with exit 2 and says what is allowed', () => {
    expect(scaffold('procedure', { title: 'X', orderType: 'standrd' }, filesOf(base), today)).toEqual({
      ok: false,
      exitCode: 2,
      message: 'unknown order type "standrd" (known order types: standard, sample); did you mean "standard"?',
    });
    expect(scaffold('procedure', { title: 'X', owner: 'nobody' }, filesOf(base), today)).toMatchObject({ exitCode: 2, message: expect.stringContaining('known roles: clerk, boss') });
    expect(scaffold('procedure', { orderType: 'standard' }, filesOf(base), today)).toMatchObject({ exitCode: 2, message: '--title is required: the procedure\'s title' });
    expect(scaffold('procedure', { title: 'X', effective: '2026-02-30' }, filesOf(base), today)).toMatchObject({ exitCode: 2 });
    expect(scaffold('issue', { title: 'X', category: 'hardware' }, filesOf(base), today)).toMatchObject({ exitCode: 2, message: '--category is one of system, process, operation, data; got "hardware"' });
    expect(scaffold('deck', { title: 'X', covers: 'standard/nope' }, filesOf(base), today)).toMatchObject({ exitCode: 2 });
    expect(scaffold('widget', {}, filesOf(base), today)).toMatchObject({ exitCode: 2, message: expect.stringContaining('procedure, customization, conflict, issue, deck, quiz') });
  });

  it('covers the key procedures no deck covers yet when --covers is left out', () => {
    const { 'decks/basics.md': _deck, ...withoutDecks } = base;
    expect(plan('deck', { title: 'New' }, withoutDecks).assumed).toContain('covers standard/order (the key procedures no deck covers yet)');
  });
});

describe('nextId', () => {
  it('continues the numbering most ids follow, keeping the zero padding', () => {
    expect(nextId(['CF-01', 'CF-04', 'CF-02'], 'CF-01')).toBe('CF-05');
    expect(nextId(['ISS-009', 'ISS-010', 'X'], 'ISS-001')).toBe('ISS-011');
    expect(nextId(['I-7'], 'ISS-001')).toBe('I-8');
    expect(nextId([], 'CF-01')).toBe('CF-01');
  });
});

describe('slugify', () => {
  it('makes ASCII file names from titles', () => {
    expect(slugify('Rush order (EU)')).toBe('rush-order-eu');
    expect(slugify('Rückgabe ohne RMA')).toBe('ruckgabe-ohne-rma');
    expect(slugify('加急订单')).toBe('');
  });
});

describe('appendRecord', () => {
  it('adds a newline first when the file does not end with one', () => {
    const write = appendRecord(filesOf({ 'x.yaml': '- id: A' }), 'x.yaml', { id: 'B' });
    expect(write).toEqual({ path: 'x.yaml', mode: 'append', content: '\n- id: B\n' });
  });

  it('appends to a file that holds only comments', () => {
    expect(appendRecord(filesOf({ 'x.yaml': '# nothing yet\n' }), 'x.yaml', { id: 'B' }).content).toBe('- id: B\n');
  });
});
