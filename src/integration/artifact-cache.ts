import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { copyFile, mkdir, readFile, realpath, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Keeps build outputs that take seconds to make in a browser (deck PDF, PPTX
 * and thumbnails, the printed handbook) under a key made from everything they
 * are made from. A rebuild whose inputs did not change copies the files back
 * instead of printing them again, which is most of a warm build's time.
 */
export class ArtifactCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Copies the files stored under `key` to `targetDir`, each at its relative
   * path. True when all of them were there; false (and nothing copied that
   * matters, since the caller then makes them all) when any is missing.
   */
  async restore(key: string, files: readonly string[], targetDir: string): Promise<boolean> {
    try {
      for (const file of files) {
        await mkdir(dirname(join(targetDir, file)), { recursive: true });
        await copyFile(join(this.dir, key, file), join(targetDir, file));
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Stores the files (relative paths under `sourceDir`) under `key`. Written
   * to a side folder first and renamed, so a build that dies half-way never
   * leaves an entry another build would take as complete.
   */
  async store(key: string, files: readonly string[], sourceDir: string): Promise<void> {
    const entry = join(this.dir, key);
    const partial = `${entry}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    for (const file of files) {
      await mkdir(dirname(join(partial, file)), { recursive: true });
      await copyFile(join(sourceDir, file), join(partial, file));
    }
    await rm(entry, { recursive: true, force: true });
    await rename(partial, entry);
  }
}

/** A cache key from the inputs of an artifact, in order. */
export function artifactKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * What identifies the browser that makes an artifact: another Chromium
 * version may lay out or print differently. The installed file's size and
 * time stand for its version without starting it.
 */
export async function browserIdentity(executablePath: string): Promise<string> {
  const real = await realpath(executablePath);
  const { size, mtimeMs } = statSync(real);
  return `${real}\0${size}\0${mtimeMs}`;
}

/**
 * The source of the module that makes an artifact, as part of its key: a
 * change to how the artifact is made must not serve the old one.
 */
export function makerSource(moduleUrl: string): Promise<string> {
  return readFile(fileURLToPath(moduleUrl), 'utf8');
}
