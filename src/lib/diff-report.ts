import { formatBand } from './approvals.ts';
import type { LadderChange, PackageDiff, RecordChange } from './package-diff.ts';

/**
 * `handover diff` as text: one section per kind of change, each line
 * readable on its own in a review mail ("ladder ... band 2: ≤ 5 % → ≤ 3 %").
 */

const sign = { added: '+', removed: '-', changed: '~', closed: '✓', reopened: '!' } as const;

function ladderLines(change: LadderChange): string[] {
  const { difference, unit } = change;
  const head = `${sign[difference.kind as 'added' | 'removed' | 'changed']} ${change.procedure}: ${change.action} (${difference.metric}, ${unit}) ${difference.kind}`;
  const lines = [head];
  if (difference.kind === 'changed') {
    if (difference.unitChanged) lines.push(`    unit: ${difference.base!.unit} → ${difference.variant!.unit}`);
    if (difference.initiatorChanged) lines.push(`    raised by: ${difference.base!.initiatedBy ?? '—'} → ${difference.variant!.initiatedBy ?? '—'}`);
  }
  difference.bands.forEach((band, index) => {
    if (band.kind === 'same') return;
    const before = band.base ? `${formatBand(band.base, difference.base!.unit)}: ${band.base.approver}` : '';
    const after = band.variant ? `${formatBand(band.variant, difference.variant!.unit)}: ${band.variant.approver}` : '';
    lines.push(`    band ${index + 1} ${band.kind}: ${band.kind === 'changed' ? `${before} → ${after}` : before || after}`);
  });
  for (const condition of difference.conditions) {
    if (condition.kind === 'same') continue;
    const before = condition.base ? `"${condition.base.when}": ${condition.base.approver}` : '';
    const after = condition.variant ? `"${condition.variant.when}": ${condition.variant.approver}` : '';
    lines.push(`    condition ${condition.kind}: ${condition.kind === 'changed' ? `${before} → ${after}` : before || after}`);
  }
  return lines;
}

const recordLine = (change: RecordChange) => `${sign[change.kind]} ${change.id} ${change.kind}: ${change.title}`;

export function formatDiff(diff: PackageDiff, names: { before: string; after: string }): string {
  const out: string[] = [`Changes from ${names.before} to ${names.after}`];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', `${title}:`, ...lines.map((line) => `  ${line}`));
  };
  section('Approval ladders', diff.ladders.flatMap(ladderLines));
  section('Procedures', [
    ...diff.procedures.added.map((p) => `+ ${p.id} added (version ${p.version}): ${p.title}`),
    ...diff.procedures.removed.map((p) => `- ${p.id} removed (was version ${p.version}): ${p.title}`),
    ...diff.procedures.changed.flatMap((p) => [
      `~ ${p.id} changed (${[p.frontmatterChanged && 'front matter', p.bodyChanged && 'body'].filter(Boolean).join(', ')}; version ${p.oldVersion === p.newVersion ? `still ${p.newVersion}` : `${p.oldVersion} → ${p.newVersion}`}): ${p.title}`,
      ...p.revisions.map((r) => `    revision ${r.version} of ${r.date}: ${r.summary}`),
    ]),
  ]);
  section('Customizations', diff.registers.customizations.map(recordLine));
  section('Conflict register', diff.registers.conflicts.map(recordLine));
  section('Issue log', diff.registers.issues.map(recordLine));
  if (out.length === 1) out.push('', 'No changes.');
  return out.join('\n');
}
