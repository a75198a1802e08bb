import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Who holds the lock: enough to tell a live build from a reused process number. */
interface LockHolder {
  pid: number;
  /** The process's start time as the kernel counts it, when it can be read. */
  started?: string;
  since: string;
}

/** A process's start time in clock ticks since boot (Linux), which changes when a PID is reused. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(holder.pid);
  return holder.started === undefined || started === undefined || started === holder.started;
}

function readHolder(text: string): LockHolder {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return { pid: Number(parsed.pid), started: parsed.started, since: String(parsed.since ?? '') };
  } catch {
    return { pid: Number.NaN, since: '' };
  }
}

/** Where the lock of a checkout lives: beside Astro's `.astro/`, which is what builds must not share. */
export function lockPath(projectRoot: string): string {
  return resolve(projectRoot, '.astro', 'handover-build.lock');
}

/**
 * Astro keeps generated modules in <project>/.astro/, one folder whatever the
 * package or cache, so two builds from one checkout at once would corrupt
 * each other. Builds therefore take turns. The lock records the holder's PID
 * and start time: a lock whose process ended, or whose PID now belongs to
 * another process, is taken over.
 */
export async function acquireBuildLock(projectRoot: string, log: (line: string) => void = console.log): Promise<() => Promise<void>> {
  const lock = lockPath(projectRoot);
  await mkdir(dirname(lock), { recursive: true });
  const me: LockHolder = { pid: process.pid, started: processStart(process.pid), since: new Date().toISOString() };
  let told = false;
  for (;;) {
    try {
      await writeFile(lock, JSON.stringify(me), { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const holder = readHolder(await readFile(lock, 'utf8').catch(() => ''));
      if (!isAlive(holder)) {
        await rm(lock, { force: true });
        continue;
      }
      if (!told) log(`Waiting for another build from this checkout to finish (process ${holder.pid}, started ${holder.since}; lock ${lock}) ...`);
      told = true;
      await new Promise((done) => setTimeout(done, 500));
    }
  }
}
