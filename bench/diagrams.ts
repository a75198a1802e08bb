/**
 * `npm run bench:diagrams [-- --count N]`: how long build-time Mermaid
 * rendering takes. Renders N synthetic diagrams (default 60) with an empty cache (cold: one Chromium, batched), then again with
 * the filled cache (warm: nothing may be rendered and no browser started),
 * prints milliseconds per diagram and writes them to the "Diagrams" section of
 * bench/RESULTS.md. Target: cold ≤ 150 ms per diagram. Exit code 1 when the
 * warm run rendered anything or a diagram failed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../src/integration/chromium.ts';
import { DiagramRenderer, mermaidVersion } from '../src/integration/diagram-renderer.ts';

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

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { count: { type: 'string', short: 'n', default: '60' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`bench:diagrams: --count takes a whole number above 0, got "${values.count}"`);
    return 2;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error('bench:diagrams: no Chromium found (set HANDOVER_CHROMIUM to its path); build-time rendering needs one.');
    return 2;
  }
  const sources = Array.from({ length: count }, (_, index) => syntheticDiagram(index));
  // Other work on the machine slows the cold run; the report says how busy it was.
  const loadAtStart = loadavg()[0]!;
  const cacheDir = await mkdtemp(join(tmpdir(), 'handover-bench-diagrams-'));
  try {
    console.log(`${count} synthetic diagrams, mermaid ${mermaidVersion}, ${chromium}`);
    const cold = await run(new DiagramRenderer(cacheDir, chromium), sources);
    console.log(`cold (empty cache, browser start included): ${cold.ms.toFixed(0)} ms, ${(cold.ms / count).toFixed(1)} ms per diagram, ${cold.rendered} rendered`);
    const warm = await run(new DiagramRenderer(cacheDir, chromium), sources);
    console.log(`warm (filled cache):                         ${warm.ms.toFixed(0)} ms, ${(warm.ms / count).toFixed(2)} ms per diagram, ${warm.rendered} rendered`);
    console.log(`target cold ≤ ${TARGET_MS} ms per diagram: ${cold.ms / count <= TARGET_MS ? 'met' : 'MISSED'}; warm renders nothing: ${warm.rendered === 0 ? 'yes' : 'NO'}`);
    writeSection(report(count, chromium, cold, warm, loadAtStart));
    const failures = [...cold.failures, ...warm.failures];
    for (const failure of failures) console.error(`failed: ${failure.message}\n${failure.source}`);
    return failures.length > 0 || warm.rendered > 0 ? 1 : 0;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

function report(count: number, chromium: string, cold: Run, warm: Run, loadAtStart: number): string {
  const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const perDiagram = (r: Run) => (r.ms / count).toFixed(1);
  return [
    '## Diagrams',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:diagrams -- --count ${count}\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}, mermaid ${mermaidVersion}; 1-minute load average ${loadAtStart.toFixed(1)} when it started.`,
    `${count} synthetic flowcharts of 6 to 16 nodes. Each is drawn once, in the light theme; the dark portal recolours that drawing with CSS. Cold: empty cache, browser start included, one batch spread over one page per core. Warm: the filled cache, no browser.`,
    '',
    '| run | total ms | ms per diagram | rendered | target |',
    '| --- | ---: | ---: | ---: | --- |',
    `| cold | ${cold.ms.toFixed(0)} | ${perDiagram(cold)} | ${cold.rendered} | ≤ ${TARGET_MS} ms per diagram: ${cold.ms / count <= TARGET_MS ? 'met' : 'missed'} |`,
    `| warm | ${warm.ms.toFixed(0)} | ${(warm.ms / count).toFixed(2)} | ${warm.rendered} | nothing rendered: ${warm.rendered === 0 ? 'met' : 'missed'} |`,
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
