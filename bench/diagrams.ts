/**
 * `npm run bench:diagrams [-- --count N,M,...]`: how long build-time Mermaid
 * rendering takes. For each batch size (default 20, 60 and 100) renders that
 * many synthetic diagrams with an empty cache (cold: one Chromium, batched),
 * then again with the filled cache (warm: nothing may be rendered and no
 * browser started), prints milliseconds per diagram and writes them to the
 * "Diagrams" section of bench/RESULTS.md. Target: cold ≤ 150 ms per diagram.
 * Exit code 1 when a warm run rendered anything or a diagram failed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../src/integration/chromium.ts';
import { DiagramRenderer, mermaidVersion, type RenderFailure } from '../src/integration/diagram-renderer.ts';

const TARGET_MS = 150;

/**
 * A procedure-like flowchart: a chain of steps with approval decisions, of
 * 6 to 16 nodes depending on `index`, so no two diagrams share a cache key.
 */
function syntheticDiagram(index: number): string {
  const steps = 6 + (index % 11);
  const lines = [index % 3 === 0 ? 'flowchart LR' : 'flowchart TD', `  S0([Request ${index} received])`];
  for (let step = 1; step < steps; step++) {
    if (step % 4 === 0) {
      lines.push(`  S${step - 1} --> S${step}{Value over band ${step}?}`, `  S${step} -->|No| S${step}a[Approved by manager ${index}]`, `  S${step}a --> S${step + 1}`);
      lines.push(`  S${step} -->|Yes| S${step + 1}`);
    } else {
      lines.push(`  S${step - 1} --> S${step}[Step ${step} of procedure ${index}]`);
    }
  }
  lines.push(`  S${steps - 1} --> S${steps}([Done])`);
  return lines.join('\n');
}

type Run = Awaited<ReturnType<typeof run>>;

async function run(renderer: DiagramRenderer, sources: string[]) {
  const started = performance.now();
  const failures = await renderer.renderAll(sources);
  await renderer.close();
  return { ms: performance.now() - started, failures, rendered: renderer.rendered };
}

interface Measured {
  count: number;
  cold: Run;
  warm: Run;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { count: { type: 'string', short: 'n', default: '20,60,100' } } });
  const counts = values.count.split(',').map(Number);
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
    console.error(`bench:diagrams: --count takes whole numbers above 0, separated by commas, got "${values.count}"`);
    return 2;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error('bench:diagrams: no Chromium found (set HANDOVER_CHROMIUM to its path); build-time rendering needs one.');
    return 2;
  }
  // Other work on the machine slows the cold run; the report says how busy it was.
  const loadAtStart = loadavg()[0]!;
  console.log(`synthetic diagrams, mermaid ${mermaidVersion}, ${chromium}`);
  const results: Measured[] = [];
  const failures: RenderFailure[] = [];
  for (const count of counts) {
    const sources = Array.from({ length: count }, (_, index) => syntheticDiagram(index));
    const cacheDir = await mkdtemp(join(tmpdir(), 'handover-bench-diagrams-'));
    try {
      const cold = await run(new DiagramRenderer(cacheDir, chromium), sources);
      const warm = await run(new DiagramRenderer(cacheDir, chromium), sources);
      console.log(`${count} diagrams: cold ${cold.ms.toFixed(0)} ms, ${(cold.ms / count).toFixed(1)} ms per diagram (target ≤ ${TARGET_MS}: ${cold.ms / count <= TARGET_MS ? 'met' : 'MISSED'}); warm ${warm.ms.toFixed(0)} ms, ${warm.rendered} rendered`);
      results.push({ count, cold, warm });
      failures.push(...cold.failures, ...warm.failures);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  writeSection(report(chromium, results, loadAtStart));
  for (const failure of failures) console.error(`failed: ${failure.message}\n${failure.source}`);
  return failures.length > 0 || results.some((r) => r.warm.rendered > 0) ? 1 : 0;
}

function report(chromium: string, results: Measured[], loadAtStart: number): string {
  const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return [
    '## Diagrams',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:diagrams -- --count ${results.map((r) => r.count).join(',')}\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}, mermaid ${mermaidVersion}; 1-minute load average ${loadAtStart.toFixed(1)} when it started.`,
    'Synthetic flowcharts of 6 to 16 nodes. Each is drawn once, in the light theme; the dark portal recolours that drawing with CSS. Cold: empty cache, one batch spread over one page per core, Chromium\'s start (about 2.5 s) included, so small batches pay more per diagram. Warm: the filled cache, no browser.',
    '',
    '| diagrams | cold ms | cold ms per diagram | target ≤ 150 ms | warm ms | rendered warm (target 0) |',
    '| ---: | ---: | ---: | --- | ---: | ---: |',
    ...results.map(({ count, cold, warm }) => `| ${count} | ${cold.ms.toFixed(0)} | ${(cold.ms / count).toFixed(1)} | ${cold.ms / count <= TARGET_MS ? 'met' : 'missed'} | ${warm.ms.toFixed(0)} | ${warm.rendered} |`),
  ].join('\n');
}

/** Replaces this benchmark's section of bench/RESULTS.md and keeps the others (e.g. the build benchmark's). */
function writeSection(section: string) {
  const file = join(import.meta.dirname, 'RESULTS.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const kept = previous.replace(/## Diagrams\n[\s\S]*?(?=\n## |$)/, '').trimEnd();
  writeFileSync(file, `${kept}\n\n${section}\n`);
}

process.exitCode = await main();
