// The artifact cache behind warm rebuilds: what is stored comes back byte
// for byte, a key with any file missing is a miss, and keys follow inputs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArtifactCache, artifactKey } from '../../src/integration/artifact-cache.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handover-artifacts-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ArtifactCache', () => {
  it('restores stored files byte for byte, at their relative paths', async () => {
    const cache = new ArtifactCache(join(tempDir(), 'artifacts'));
    const site = tempDir();
    mkdirSync(join(site, 'decks'));
    writeFileSync(join(site, 'decks', 'intro.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 255]));
    writeFileSync(join(site, 'decks', 'intro.png'), 'png');
    await cache.store('k1', ['decks/intro.pdf', 'decks/intro.png'], site);

    const next = tempDir();
    expect(await cache.restore('k1', ['decks/intro.pdf', 'decks/intro.png'], next)).toBe(true);
    expect(readFileSync(join(next, 'decks', 'intro.pdf'))).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 255]));
    expect(readFileSync(join(next, 'decks', 'intro.png'), 'utf8')).toBe('png');
  });

  it('misses when the key is unknown or any wanted file is not stored', async () => {
    const cache = new ArtifactCache(join(tempDir(), 'artifacts'));
    const site = tempDir();
    writeFileSync(join(site, 'handbook.pdf'), 'pdf');
    await cache.store('k1', ['handbook.pdf'], site);
    expect(await cache.restore('other', ['handbook.pdf'], tempDir())).toBe(false);
    expect(await cache.restore('k1', ['handbook.pdf', 'handbook.png'], tempDir())).toBe(false);
  });

  it('replaces an entry stored again under the same key', async () => {
    const cache = new ArtifactCache(join(tempDir(), 'artifacts'));
    const site = tempDir();
    writeFileSync(join(site, 'a.pdf'), 'first');
    await cache.store('k', ['a.pdf'], site);
    writeFileSync(join(site, 'a.pdf'), 'second');
    await cache.store('k', ['a.pdf'], site);
    const next = tempDir();
    expect(await cache.restore('k', ['a.pdf'], next)).toBe(true);
    expect(readFileSync(join(next, 'a.pdf'), 'utf8')).toBe('second');
  });
});

describe('artifactKey', () => {
  it('changes with any input and with their order, and keeps parts apart', () => {
    const key = artifactKey('theme', 'deck');
    expect(artifactKey('theme', 'deck')).toBe(key);
    expect(artifactKey('theme', 'deck2')).not.toBe(key);
    expect(artifactKey('deck', 'theme')).not.toBe(key);
    expect(artifactKey('them', 'edeck')).not.toBe(key);
    expect(artifactKey(new TextEncoder().encode('theme'), 'deck')).toBe(key);
  });
});
