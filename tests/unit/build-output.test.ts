import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, lockPath } from '../../src/integration/build-lock.ts';
import { OutputRefusedError, cleanLeftovers, guardOutput, publishSite } from '../../src/integration/build-output.ts';
import { BUILD_MARKER } from '../../src/lib/output-guard.ts';
import { tempDir } from '../support/site.ts';

/** A process number that no process has: above Linux's pid_max. */
const DEAD_PID = 4_194_400;

async function site(dir: string, page: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), page);
}

describe('guardOutput', () => {
  it('follows symlinks, so a link to the package is the package', async () => {
    const root = await tempDir('guard');
    await mkdir(join(root, 'pkg'));
    const { symlink } = await import('node:fs/promises');
    await symlink(join(root, 'pkg'), join(root, 'alias'));
    await expect(guardOutput(join(root, 'pkg'), join(root, 'alias', 'site'))).rejects.toThrow(OutputRefusedError);
    await expect(guardOutput(join(root, 'pkg'), join(root, 'alias'))).rejects.toThrow(/is the package itself|existing file/);
  });

  it('accepts a previous build and refuses a folder of other files', async () => {
    const root = await tempDir('guard');
    await mkdir(join(root, 'pkg'));
    await site(join(root, 'built'), 'old');
    await writeFile(join(root, 'built', BUILD_MARKER), '{}');
    await expect(guardOutput(join(root, 'pkg'), join(root, 'built'))).resolves.toBeUndefined();
    await site(join(root, 'docs'), 'mine');
    await expect(guardOutput(join(root, 'pkg'), join(root, 'docs'))).rejects.toThrow(/no portal build wrote/);
  });
});

describe('publishSite and cleanLeftovers', () => {
  it('swaps the new site in whole and marks it', async () => {
    const root = await tempDir('publish');
    await site(join(root, 'out'), 'old');
    await site(join(root, 'new'), 'new');
    await publishSite(join(root, 'new'), join(root, 'out'), { profile: 'public' });
    expect(await readFile(join(root, 'out', 'index.html'), 'utf8')).toBe('new');
    expect(JSON.parse(await readFile(join(root, 'out', BUILD_MARKER), 'utf8'))).toEqual({ profile: 'public' });
    expect((await readdir(root)).sort()).toEqual(['out']);
  });

  it('after a build killed between its two renames, brings the previous site back', async () => {
    const root = await tempDir('killed');
    await site(join(root, `out.previous-${DEAD_PID}`), 'old');
    await site(join(root, `out.staging-${DEAD_PID}`), 'half');
    await cleanLeftovers(join(root, 'out'));
    expect(await readFile(join(root, 'out', 'index.html'), 'utf8')).toBe('old');
    expect((await readdir(root)).sort()).toEqual(['out']);
  });

  it('removes what a killed build left beside a complete output, and leaves a live build\'s and other names alone', async () => {
    const root = await tempDir('leftovers');
    await site(join(root, 'out'), 'current');
    await site(join(root, `out.previous-${DEAD_PID}`), 'old');
    await site(join(root, `out.staging-${process.pid}`), 'mine');
    await site(join(root, `other.staging-${DEAD_PID}`), 'someone else');
    await cleanLeftovers(join(root, 'out'));
    expect((await readdir(root)).sort()).toEqual(['other.staging-4194400', 'out', `out.staging-${process.pid}`]);
    expect(await readFile(join(root, 'out', 'index.html'), 'utf8')).toBe('current');
  });
});

describe('acquireBuildLock', () => {
  it('records PID and start time, and takes over a lock whose PID now belongs to another process', async () => {
    const root = await tempDir('lock');
    await mkdir(join(root, '.astro'));
    // Process 1 is alive, but it did not start when this lock says.
    await writeFile(lockPath(root), JSON.stringify({ pid: 1, started: '1', since: '2026-01-01T00:00:00Z' }));
    const release = await acquireBuildLock(root, () => {});
    const holder = JSON.parse(await readFile(lockPath(root), 'utf8'));
    expect(holder.pid).toBe(process.pid);
    expect(holder.started).toMatch(/^\d+$/);
    await release();
  });

  it('waits for a live holder and says who it is', async () => {
    const root = await tempDir('lock');
    const release = await acquireBuildLock(root, () => {});
    const said: string[] = [];
    const second = acquireBuildLock(root, (line) => said.push(line));
    const outcome = await Promise.race([second.then(() => 'acquired'), new Promise((done) => setTimeout(() => done('waiting'), 700))]);
    expect(outcome).toBe('waiting');
    expect(said[0]).toContain(`process ${process.pid}`);
    await release();
    await (await second)();
  });
});
