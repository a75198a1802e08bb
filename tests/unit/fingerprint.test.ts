import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortFingerprint, sourceFingerprint } from '../../src/lib/fingerprint.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { readPackageDir } from '../../src/lib/package-files.ts';
import { procedureFingerprints } from '../../src/integration/fingerprints.ts';
import { tempDir } from '../support/site.ts';
import { sampleDir } from '../support/package.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sourceFingerprint', () => {
  it('is the SHA-256 of the bytes, the same for the same bytes', () => {
    expect(sourceFingerprint(bytes(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sourceFingerprint(bytes('version: "1.0"\n'))).toBe(sourceFingerprint(bytes('version: "1.0"\n')));
  });

  it('changes with any change of the source, even one that does not show', () => {
    const base = sourceFingerprint(bytes('Step one.\n'));
    expect(sourceFingerprint(bytes('Step one.\r\n'))).not.toBe(base);
    expect(sourceFingerprint(bytes('Step one. \n'))).not.toBe(base);
    expect(sourceFingerprint(bytes('\uFEFFStep one.\n'))).not.toBe(base);
  });

  it('is shown shortened to 12 hex characters', () => {
    expect(shortFingerprint(sourceFingerprint(bytes('x')))).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('procedureFingerprints', () => {
  it('changes the fingerprint of the edited procedure and of no other', async () => {
    const dir = await tempDir('fingerprint');
    await cp(sampleDir, dir, { recursive: true });
    const fingerprints = async () => procedureFingerprints(dir, loadPackage(await readPackageDir(dir)).pkg.procedures);
    const before = await fingerprints();
    expect(await fingerprints()).toEqual(before);

    const edited = join(dir, 'procedures/standard/sales-order.mdx');
    const original = await readFile(edited, 'utf8');
    await writeFile(edited, original.replace('## Scope', '## Scope of this procedure'));
    const after = await fingerprints();
    expect(after.get('standard/sales-order')).not.toBe(before.get('standard/sales-order'));
    for (const [id, fingerprint] of before) if (id !== 'standard/sales-order') expect(after.get(id), id).toBe(fingerprint);

    await writeFile(edited, original);
    expect(await fingerprints()).toEqual(before);
  });
});
