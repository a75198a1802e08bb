// The build may write only its output and its cache: it refuses outputs that would destroy the
// package or someone's files, and a build killed halfway leaves the previous site whole.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../src/lib/output-guard.ts';
import { findChromium } from '../../src/integration/chromium.ts';
import { repoRoot } from '../support/package.ts';
import { runCli, tempDir, treeChecksum } from '../support/site.ts';

let root: string;
let pkg: string;

beforeAll(async () => {
  root = await tempDir('safe');
  pkg = join(root, 'pkg');
  cpSync(join(repoRoot, 'tests/fixtures/good/other-package'), pkg, { recursive: true });
});

describe('the output guard', () => {
  const refused = async (out: string) => {
    const before = treeChecksum(root);
    const run = await runCli(['build', pkg, '--out', out]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(treeChecksum(root)).toBe(before);
    return run.stderr;
  };

  it('refuses the package itself, a folder in it and a folder containing it, before any work', async () => {
    expect(await refused(pkg)).toContain('is the package itself');
    expect(await refused(join(pkg, 'site'))).toContain('lies inside the package');
    expect(await refused(root)).toContain('contains the package');
  });

  it('refuses an existing file and a folder of files no build wrote', async () => {
    writeFileSync(join(root, 'notes.txt'), 'my notes');
    expect(await refused(join(root, 'notes.txt'))).toContain('is an existing file');
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'index.html'), 'my site');
    const message = await refused(join(root, 'docs'));
    expect(message).toContain(`no ${BUILD_MARKER}`);
    expect(message.split('\n').filter(Boolean)).toHaveLength(2);
    expect(readFileSync(join(root, 'docs', 'index.html'), 'utf8')).toBe('my site');
  });
});

describe('a build killed halfway', () => {
  it('leaves the previous site whole, and the next build cleans up after it', async () => {
    const out = join(root, 'site');
    const first = await runCli(['build', pkg, '--out', out, '--today', '2026-09-30']);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(out, BUILD_MARKER))).toBe(true);
    const previous = treeChecksum(out);

    // Kill a second build as soon as it has started writing its pages.
    const build = spawn(process.execPath, [join(repoRoot, 'scripts/handover.ts'), 'build', pkg, '--out', out], { cwd: repoRoot, env: { ...process.env, HANDOVER_QUIET: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((done) => {
      build.stdout.on('data', (chunk: Buffer) => {
        if (/page\(s\) built|decks \[|handbook/.test(chunk.toString())) build.kill('SIGKILL');
      });
      build.on('exit', () => done());
    });
    expect(treeChecksum(out)).toBe(previous);

    const third = await runCli(['build', pkg, '--out', out, '--today', '2026-09-30']);
    expect(third.code, third.stderr).toBe(0);
    expect(readdirSync(dirname(out)).filter((name) => name.startsWith('site.'))).toEqual([]);
    const cache = join(repoRoot, 'node_modules/.cache/handover');
    expect(readdirSync(cache).filter((name) => /^(staging|deck-work)-/.test(name))).toEqual([]);
  });
});

describe('a build that fails at a late step', () => {
  it('ends every browser it started and exits 1 at once, naming what failed, with no site written', async () => {
    // A Chromium that works for the first launch (the diagrams, cache cold) and then crashes,
    // so the deck conversion fails after a browser of the build has already run.
    const dir = await tempDir('late');
    const marker = `--handover-test-run=${dir.split('/').pop()}`;
    const real = findChromium({ ...process.env, HANDOVER_CHROMIUM: undefined });
    expect(real, 'Chromium is needed for this test').toBeDefined();
    const wrapper = join(dir, 'chromium');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nn=$(( $(cat "${dir}/launches" 2>/dev/null || echo 0) + 1 ))\necho $n > "${dir}/launches"\n[ "$n" -ge 2 ] && { echo "simulated crash of launch $n" >&2; exit 1; }\nexec ${real} ${marker} "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const out = join(dir, 'site');
    const run = await runCli(['build', pkg, '--out', out, '--today', '2026-09-30'], { HANDOVER_CHROMIUM: wrapper, HANDOVER_CACHE_DIR: join(dir, 'cache') });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(Number(readFileSync(join(dir, 'launches'), 'utf8'))).toBeGreaterThanOrEqual(2);
    expect(run.stderr).toContain('deck conversion of decks/order-desk.md failed');
    expect(run.stderr).toContain('simulated crash');
    expect(run.stderr).toContain('was left as it was');
    expect(existsSync(out)).toBe(false);
    // Nothing the build started lives on: no browser launched through the wrapper is still running.
    const running = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(marker));
    expect(running).toEqual([]);
  });
});
