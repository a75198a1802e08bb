/**
 * The `handover` command: a thin layer over src/lib and the Astro build.
 * Exit codes: 0 success, 1 the package has errors or the build failed,
 * 2 the command was used wrongly (unknown command, bad flag, missing DIR).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkReport } from '../src/lib/check.ts';
import { OutputRefusedError } from '../src/integration/build-output.ts';
import { modelOf } from '../src/integration/package-check.ts';
import { parseDay, today } from '../src/lib/dates.ts';
import { hasErrors } from '../src/lib/findings.ts';
import { PackageDirectoryError, listPackageAssets, readPackageDir } from '../src/lib/package-files.ts';
import { formatFinding, formatSummary } from '../src/lib/finding-format.ts';
import { localizeFindings } from '../src/lib/finding-language.ts';
import type { Locale } from '../src/lib/i18n.ts';
import { NEW_USAGE, NewUsageError, runNew } from './new-command.ts';

const LANGUAGES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];

const USAGE = `Usage:
  handover check [DIR] [--json] [--today YYYY-MM-DD] [--lang en|zh-CN|zh-TW]
  handover build [DIR] [--out DIR] [--profile public|internal] [--today YYYY-MM-DD] [--lang en|zh-CN|zh-TW]
  handover dev   [DIR] [--profile public|internal]
  handover serve [DIR] [--out DIR] [--port N]     build, then serve the result
  handover export approvals [DIR] [--format csv|json] [--profile public|internal] [--today YYYY-MM-DD]
                                                  print every approval band and condition (default csv)
${NEW_USAGE}
  handover diff OLD NEW [--json]                  what changed: approval bands, procedures, registers;
                                                  OLD, NEW: package folders or git revisions (of the
                                                  folder given, or of the package in the current folder)
DIR defaults to "content". check and build speak the package's language unless --lang names another.
Exit codes: 0 ok, 1 errors found or build failed, 2 usage error.`;

class UsageError extends Error {}

/** The one way the CLI stops with a message. */
function error(message: string, exitCode: number): never {
  console.error(`handover: ${message}`);
  if (exitCode === 2) console.error('Run "handover --help" for the commands and their flags.');
  process.exit(exitCode);
}

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string', default: 'public' },
      port: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one package directory, got: ${positionals.join(' ')}`);
  const day = values.today === undefined ? today() : parseDay(values.today);
  if (!day) throw new UsageError(`--today takes a date written YYYY-MM-DD, got "${values.today}"`);
  if (values.profile !== 'public' && values.profile !== 'internal') throw new UsageError(`--profile is public or internal, got "${values.profile}"`);
  if (values.format !== 'csv' && values.format !== 'json') throw new UsageError(`--format is csv or json, got "${values.format}"`);
  if (values.lang !== undefined && !LANGUAGES.includes(values.lang as Locale)) throw new UsageError(`--lang is one of ${LANGUAGES.join(', ')}, got "${values.lang}"`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port takes a port number, got "${values.port}"`);
  return { ...values, port, format: values.format as 'csv' | 'json', profile: values.profile as 'public' | 'internal', lang: values.lang as Locale | undefined, today: day, dir: resolve(positionals[0] ?? 'content') };
}

async function runCheck(options: ReturnType<typeof parse>): Promise<number> {
  // The check is the first half of a build: the same model, before any page is made.
  const files = await readPackageDir(options.dir);
  const model = await modelOf(options.dir, files, { today: options.today, profile: 'internal', assets: await listPackageAssets(options.dir) });
  // In the package's language unless --lang says otherwise (README, The CLI).
  const language = options.lang ?? model.locale;
  const result = { ...model.fullCheck, findings: localizeFindings(model.fullCheck.findings, language) };
  if (options.json) {
    console.log(JSON.stringify(checkReport(result), null, 2));
  } else {
    for (const f of result.findings) console.log(formatFinding(f));
    console.log(formatSummary(result.summary, language));
  }
  return hasErrors(result.findings) ? 1 : 0;
}

async function runDiff(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`diff takes two versions of a package, OLD and NEW (folders or git revisions), got ${positionals.length}`);
  const { isFolder, readPackageVersion } = await import('../src/integration/package-revision.ts');
  const { loadPackage } = await import('../src/lib/package.ts');
  const { diffPackages } = await import('../src/lib/package-diff.ts');
  const { formatDiff } = await import('../src/lib/diff-report.ts');
  // A revision is read from the repository of the folder named beside it; with two revisions,
  // of the package in the current folder (or of "content").
  const folders = await Promise.all(positionals.map((spec) => isFolder(resolve(spec))));
  const packageDir = resolve(positionals[folders.indexOf(true)] ?? (existsSync('handover.yaml') ? '.' : 'content'));
  const [before, after] = await Promise.all(positionals.map((spec) => readPackageVersion(spec, packageDir)));
  const [oldPkg, newPkg] = [before!, after!].map((version) => loadPackage(version.files).pkg);
  const diff = diffPackages(oldPkg!, newPkg!, newPkg!.meta?.data.locale);
  if (values.json) console.log(JSON.stringify({ before: before!.name, after: after!.name, ...diff }, null, 2));
  else {
    console.log(formatDiff(diff, { before: before!.name, after: after!.name }));
    if (diff.findings.length > 0) console.log(['', ...diff.findings.map(formatFinding)].join('\n'));
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  // `new` and `diff` have arguments of their own, so they parse them themselves.
  if (command === 'new') return runNew(rest);
  if (command === 'diff') return runDiff(rest);
  // `export` names what to export before the usual arguments.
  const [subject, args] = command === 'export' ? [rest[0], rest.slice(1)] : [undefined, rest];
  const options = parse(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'check':
      return runCheck(options);
    case 'build': {
      const { buildSite } = await import('../src/integration/build-site.ts');
      // Exit at once: nothing a finished or failed build started (a browser, a worker) may keep the process alive.
      process.exit((await buildSite(options)).ok ? 0 : 1);
    }
    case 'serve': {
      const { buildSite, serveSite } = await import('../src/integration/build-site.ts');
      const built = await buildSite(options);
      if (!built.ok) process.exit(1);
      await serveSite({ outDir: built.outDir, port: options.port });
      return 0;
    }
    case 'export': {
      if (subject !== 'approvals') throw new UsageError(subject === undefined ? 'say what to export: handover export approvals [DIR]' : `cannot export "${subject}"; only "approvals" can be exported`);
      const { exportApprovals } = await import('../src/integration/approval-exports.ts');
      process.stdout.write(await exportApprovals(options.dir, options.profile, options.format, options.today));
      return 0;
    }
    case 'dev': {
      const { devSite } = await import('../src/integration/build-site.ts');
      await devSite(options);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (cause: unknown) => {
    if (cause instanceof UsageError) error(cause.message, 2);
    if (cause instanceof NewUsageError) error(cause.message, 2);
    if (cause instanceof PackageDirectoryError) error(cause.message, 2);
    if (cause instanceof OutputRefusedError) error(`build refused: ${cause.message}`, 2);
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string' && cause.code.startsWith('ERR_PARSE_ARGS')) error(cause.message, 2);
    error(cause instanceof Error ? cause.message : String(cause), 1);
  },
);
