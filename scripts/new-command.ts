/**
 * `handover new <type> [DIR] --flag value ...`: reads the package, lets
 * src/lib/scaffold.ts plan the files, writes them (new files exclusively,
 * registers by appending) and says what it wrote and what it assumed.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDay, today } from '../src/lib/dates.ts';
import { readPackageDir } from '../src/lib/package-files.ts';
import { scaffold, type ScaffoldFlags } from '../src/lib/scaffold.ts';

/** The flags of `new`, as typed on the command line, and the scaffold field each fills. */
const FLAGS = {
  title: 'title',
  summary: 'title',
  id: 'id',
  slug: 'slug',
  'order-type': 'orderType',
  owner: 'owner',
  version: 'version',
  effective: 'effective',
  'review-by': 'reviewBy',
  criticality: 'criticality',
  'based-on': 'basedOn',
  'requested-by': 'requestedBy',
  priority: 'priority',
  status: 'status',
  vendor: 'vendor',
  procedures: 'procedures',
  legacy: 'legacy',
  'system-rule': 'systemRule',
  resolution: 'resolution',
  'check-due': 'checkDue',
  category: 'category',
  reporter: 'reporter',
  reported: 'reported',
  details: 'details',
  solution: 'solution',
  covers: 'covers',
  'pass-mark': 'passMark',
  audience: 'audience',
} as const satisfies Record<string, keyof ScaffoldFlags>;

export const NEW_USAGE = `  handover new   procedure|customization|conflict|issue|deck|quiz [DIR] --title TEXT [flags]
                 procedure: --order-type ID --owner ROLE --slug NAME --criticality key|standard --version V
                            --effective DATE --review-by DATE --based-on ID
                 customization: --id ID --requested-by ROLE --priority P --status S --vendor NAME --procedures IDS
                 conflict: --id ID --owner ROLE --legacy TEXT --system-rule TEXT --resolution TEXT --check-due DATE
                 issue: --id ID --category system|process|operation|data --reporter NAME --reported DATE --details TEXT
                        --solution TEXT --status open|resolved --procedures IDS
                 deck, quiz: --slug NAME --covers IDS (comma-separated) --pass-mark N (quiz)
                 all: --audience public|internal --today YYYY-MM-DD (the date defaults are measured from)`;

export class NewUsageError extends Error {}

/** Runs `new`; returns the exit code. Usage errors are thrown as NewUsageError (exit 2 with the usage text). */
export async function runNew(args: string[]): Promise<number> {
  const options = Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...options, today: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(`Usage:\n${NEW_USAGE}`);
    return 0;
  }
  const [type, dirArg, ...extra] = positionals;
  if (type === undefined) throw new NewUsageError('handover new needs a type: procedure, customization, conflict, issue, deck or quiz');
  if (extra.length > 0) throw new NewUsageError(`expected at most one package directory, got: ${[dirArg, ...extra].join(' ')}`);
  const day = values.today === undefined ? today() : parseDay(values.today);
  if (!day) throw new NewUsageError(`--today takes a date written YYYY-MM-DD, got "${values.today}"`);
  const flags: ScaffoldFlags = {};
  for (const [name, field] of Object.entries(FLAGS)) {
    const value = (values as Record<string, string | undefined>)[name];
    if (value !== undefined) flags[field] = value;
  }
  const dir = resolve(dirArg ?? 'content');
  const result = scaffold(type, flags, await readPackageDir(dir), day);
  if (!result.ok) {
    if (result.exitCode === 2) throw new NewUsageError(result.message);
    console.error(`handover: ${result.message}`);
    return 1;
  }
  const { plan } = result;
  for (const write of plan.writes) {
    const path = join(dir, write.path);
    await mkdir(dirname(path), { recursive: true });
    // "wx" refuses to replace a file that appeared since the package was read.
    if (write.mode === 'create') await writeFile(path, write.content, { flag: 'wx' });
    else await appendFile(path, write.content);
  }
  console.log(`Made ${plan.made}:`);
  for (const write of plan.writes) console.log(`  ${write.mode === 'create' ? 'wrote' : 'appended a record to'} ${write.path}`);
  if (plan.assumed.length > 0) {
    console.log('Assumed (pass the flag to choose otherwise):');
    for (const line of plan.assumed) console.log(`  ${line}`);
  }
  for (const note of plan.notes ?? []) console.log(`Then: ${note}`);
  console.log(`Next: fill in the text, then run "handover check${dirArg ? ` ${dirArg}` : ''}".`);
  return 0;
}
