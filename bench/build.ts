/**
 * `npm run bench`: builds synthetic packages of 100 and 1,000 procedures cold
 * and warm with the portal, and the same procedure pages as a plain
 * Starlight site with client-side Mermaid (the baseline), then writes the
 * figures and their ratios to bench/RESULTS.md.
 *
 *   npm run bench                 # 100 and 1000 procedures
 *   npm run bench -- --sizes 100  # only 100
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/integration/chromium.ts';
import { serveDir } from '../tests/support/site.ts';
import { writeBaselineProject, writeSyntheticPackage } from './synthetic.ts';

const repo = join(import.meta.dirname, '..');
const work = join(repo, 'bench', '.work');

interface Run {
  seconds: number;
  /** Peak memory (PSS) of the build's whole process tree (Node, Chromium and its helpers, pagefind). */
  peakRssMb: number;
  /** Peak resident memory of its largest single process. */
  largestRssMb: number;
  /** What the build printed, for the step times of a portal build. */
  output: string;
}

/**
 * Memory in KB of a process and all its descendants, read from /proc: the
 * tree's total as PSS (Chromium's processes share pages, which RSS would
 * count once per process) and the largest single process's RSS.
 */
function treeMemory(root: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  let total = 0;
  let largest = 0;
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop()!;
    total += pssOf(pid);
    largest = Math.max(largest, rss.get(pid) ?? 0);
    pending.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

/** A process's proportional share of memory in KB; 0 once it has ended. */
function pssOf(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Runs a command and measures its wall time and, sampling /proc twice a
 * second, the peak memory of its process tree: Chromium's renderers are
 * grandchildren that GNU time's %M does not see.
 */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: repo, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDOVER_QUIET: '1', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let peak = 0;
  let largest = 0;
  const sample = setInterval(() => {
    const now = treeMemory(child.pid!);
    peak = Math.max(peak, now.total);
    largest = Math.max(largest, now.largest);
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sample);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 1024), largestRssMb: Math.round(largest / 1024), output };
}

function siteBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function pageCount(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

/**
 * JavaScript a reader's browser downloads to show one procedure page, measured
 * in Chromium, and whether any of it is Mermaid (its parser names "flowchart-v2").
 */
async function javascriptOf(site: string, path: string): Promise<{ bytes: number; mermaid: boolean }> {
  const server = await serveDir(site);
  const browser = await chromium.launch({ executablePath: findChromium({}), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let mermaid = false;
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      bodies.push(
        response.body().then((body) => {
          bytes += body.length;
          mermaid ||= body.includes('flowchart-v2');
        }),
      );
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await Promise.all(bodies);
    bytes += await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].reduce((sum, s) => sum + (s.textContent ?? '').length, 0));
    return { bytes, mermaid };
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Measured {
  cold: Run;
  warm: Run;
  pages: number;
  bytes: number;
  js: { bytes: number; mermaid: boolean };
}

interface SizeResult {
  procedures: number;
  portal: Measured;
  baseline: Measured;
}

async function benchSize(procedures: number): Promise<SizeResult> {
  const base = join(work, `p${procedures}`);
  rmSync(base, { recursive: true, force: true });
  const pkg = join(base, 'package');
  const synthetic = writeSyntheticPackage(pkg, procedures);
  const baselineRoot = join(work, `baseline-${procedures}`);
  rmSync(baselineRoot, { recursive: true, force: true });
  writeBaselineProject(baselineRoot, synthetic);
  const node = process.execPath;
  const cache = join(base, 'cache');
  const out = join(base, 'dist');
  const portalArgs = [join(repo, 'scripts/handover.ts'), 'build', pkg, '--out', out, '--today', '2026-09-30'];
  // The portal logs at info level, which costs nothing measurable and tells the step times apart.
  console.log(`[${procedures}] portal, cold ...`);
  const cold = await timed(node, portalArgs, { HANDOVER_CACHE_DIR: cache, HANDOVER_QUIET: '' });
  console.log(`[${procedures}] portal, warm ...`);
  const warm = await timed(node, portalArgs, { HANDOVER_CACHE_DIR: cache, HANDOVER_QUIET: '' });
  const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
  console.log(`[${procedures}] baseline, cold ...`);
  const baselineCold = await timed(node, [astro, 'build', '--root', baselineRoot]);
  console.log(`[${procedures}] baseline, warm ...`);
  const baselineWarm = await timed(node, [astro, 'build', '--root', baselineRoot]);
  const first = synthetic[0]!;
  const path = `/procedures/${first.orderType}/${first.slug}/`;
  return {
    procedures,
    portal: { cold, warm, pages: pageCount(out), bytes: siteBytes(out), js: await javascriptOf(out, path) },
    baseline: {
      cold: baselineCold,
      warm: baselineWarm,
      pages: pageCount(join(baselineRoot, 'dist')),
      bytes: siteBytes(join(baselineRoot, 'dist')),
      js: await javascriptOf(join(baselineRoot, 'dist'), path),
    },
  };
}

/**
 * Seconds of the portal build's slow steps, read from its log. Decks and the
 * handbook print run at the same time, so together they take the longer of
 * the two; the rest is Astro's pages, the search index, the check and start-up.
 */
function steps(run: Run) {
  const ms = (pattern: RegExp) => Number(pattern.exec(run.output)?.[1] ?? 0) / 1000;
  const diagrams = ms(/\d+ diagrams: \d+ rendered in (\d+) ms/);
  const decks = ms(/\d+ decks: .* in (\d+) ms/);
  const handbook = ms(/handbook\.pdf: .* in (\d+) ms/);
  return { diagrams, decks, handbook, rest: run.seconds - diagrams - Math.max(decks, handbook) };
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

function report(results: SizeResult[]): string {
  const chromiumVersion = execFileSync(findChromium({}) ?? 'chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const lines = [
    '## Build',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}.`,
    'Baseline: the same procedure pages as a plain Starlight site (Markdown approval table, Mermaid drawn in the browser), built by the same Astro.',
    'Peak memory, sampled from /proc twice a second over cold and warm runs: the whole process tree of the build (Node, Chromium and its renderers, pagefind) as PSS, so pages Chromium\'s processes share count once; in brackets the RSS of its largest single process. JS bytes: what Chromium downloads to show one procedure page.',
    '',
    '| procedures | build | cold s | warm s | peak memory MB (largest process) | pages/s (cold) | diagrams/s (cold) | site size | JS on a procedure page |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    for (const [name, m] of [['portal', r.portal], ['baseline', r.baseline]] as const) {
      lines.push(
        `| ${r.procedures} | ${name} | ${m.cold.seconds.toFixed(1)} | ${m.warm.seconds.toFixed(1)} | ${Math.max(m.cold.peakRssMb, m.warm.peakRssMb)} (${Math.max(m.cold.largestRssMb, m.warm.largestRssMb)}) | ${(m.pages / m.cold.seconds).toFixed(1)} | ${name === 'portal' ? (r.procedures / m.cold.seconds).toFixed(1) : 'in browser'} | ${kb(m.bytes)} | ${kb(m.js.bytes)}${m.js.mermaid ? ' (Mermaid)' : ''} |`,
      );
    }
  }
  lines.push('', '| procedures | cold ratio (target ≤ 2×) | warm ratio (target ≤ 1.2×) | peak memory of the build (target ≤ 2048 MB) | Mermaid JS on procedure page (target: none) |', '| ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const rss = Math.max(r.portal.cold.peakRssMb, r.portal.warm.peakRssMb);
    lines.push(`| ${r.procedures} | ${ratio(r.portal.cold.seconds, r.baseline.cold.seconds)} | ${ratio(r.portal.warm.seconds, r.baseline.warm.seconds)} | ${rss} MB | ${r.portal.js.mermaid ? 'loaded' : 'none'} |`);
  }
  lines.push(
    '',
    'Where the portal build spends its time, in seconds (from its log; 0 = copied from the cache). Decks and handbook.pdf are made at the same time.',
    '',
    '| procedures | run | total | diagrams | decks (PDF, PPTX, PNG) | handbook.pdf | pages, search, check, start-up |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    for (const [name, run] of [['cold', r.portal.cold], ['warm', r.portal.warm]] as const) {
      const s = steps(run);
      lines.push(`| ${r.procedures} | ${name} | ${run.seconds.toFixed(1)} | ${s.diagrams.toFixed(1)} | ${s.decks.toFixed(1)} | ${s.handbook.toFixed(1)} | ${s.rest.toFixed(1)} |`);
    }
  }
  return lines.join('\n');
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000' } } });
mkdirSync(work, { recursive: true });
const results: SizeResult[] = [];
for (const size of values.sizes.split(',').map(Number)) results.push(await benchSize(size));
const section = report(results);
console.log(`\n${section}\n`);
const resultsFile = join(repo, 'bench', 'RESULTS.md');
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
// Replace this script's own section and keep the others (e.g. the diagram benchmark's).
const kept = previous.replace(/## Build\n[\s\S]*?(?=\n## |$)/, '').trimEnd();
writeFileSync(resultsFile, `${kept}\n\n${section}\n`);
