import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPackageAssets, readPackageDir } from '../../src/lib/package-files.ts';
import { tempDir } from '../support/site.ts';

describe('listPackageAssets', () => {
  it('lists every file, follows symlinks that stay inside and marks those that leave the package', async () => {
    const root = await tempDir('assets');
    const pkg = join(root, 'pkg');
    await mkdir(join(pkg, 'procedures/standard/img'), { recursive: true });
    await mkdir(join(pkg, '.git'));
    await writeFile(join(root, 'secret.png'), 'outside');
    await writeFile(join(pkg, 'procedures/standard/img/screen.png'), 'inside');
    await writeFile(join(pkg, '.git/config'), 'hidden');
    await symlink(join(root, 'secret.png'), join(pkg, 'procedures/standard/img/linked.png'));
    await symlink('screen.png', join(pkg, 'procedures/standard/img/alias.png'));
    const assets = await listPackageAssets(pkg);
    expect([...assets.files].sort()).toEqual(['procedures/standard/img/alias.png', 'procedures/standard/img/screen.png']);
    expect([...assets.outside]).toEqual(['procedures/standard/img/linked.png']);
  });

  it('never reads a package document through a symlink', async () => {
    const root = await tempDir('linked-doc');
    const pkg = join(root, 'pkg');
    await mkdir(join(pkg, 'procedures/standard'), { recursive: true });
    await writeFile(join(root, 'elsewhere.mdx'), '---\ntitle: X\n---\n');
    await symlink(join(root, 'elsewhere.mdx'), join(pkg, 'procedures/standard/order.mdx'));
    expect([...(await readPackageDir(pkg)).keys()]).toEqual([]);
  });
});
