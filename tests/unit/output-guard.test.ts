import { describe, expect, it } from 'vitest';
import { isWithin, outputRefusal } from '../../src/lib/output-guard.ts';

describe('outputRefusal', () => {
  const pkg = '/work/acme/package';

  it('refuses the package, a folder inside it and a folder that contains it, whatever is there', () => {
    expect(outputRefusal(pkg, pkg, 'portal-build')).toMatchInlineSnapshot(`"the output /work/acme/package is the package itself; building there would replace the package with the site"`);
    expect(outputRefusal(pkg, '/work/acme/package/site', 'missing')).toMatchInlineSnapshot(`"the output /work/acme/package/site lies inside the package /work/acme/package; the site must be written outside the package"`);
    expect(outputRefusal(pkg, '/work/acme', 'empty-folder')).toMatchInlineSnapshot(`"the output /work/acme contains the package /work/acme/package; replacing it would delete the package"`);
    expect(outputRefusal(pkg, '/', 'other-folder')).toContain('contains the package');
  });

  it('refuses an existing file and a folder no portal build wrote', () => {
    expect(outputRefusal(pkg, '/work/acme/notes.txt', 'file')).toMatchInlineSnapshot(`"the output /work/acme/notes.txt is an existing file, not a folder; name a folder for the site"`);
    expect(outputRefusal(pkg, '/work/acme/docs', 'other-folder')).toMatchInlineSnapshot(
      `"the output /work/acme/docs is a folder with files that no portal build wrote (it has no .handover-portal-build.json); name an empty or new folder, or a previous build's"`,
    );
  });

  it('accepts a new folder, an empty one and a previous build, also beside the package', () => {
    for (const state of ['missing', 'empty-folder', 'portal-build'] as const) expect(outputRefusal(pkg, '/work/acme/site', state)).toBeUndefined();
    // A sibling whose name starts like the package is not inside it.
    expect(outputRefusal(pkg, '/work/acme/package-site', 'missing')).toBeUndefined();
  });
});

describe('isWithin', () => {
  it('compares whole path segments', () => {
    expect(isWithin('/a/b/c', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/bc', '/a/b')).toBe(false);
    expect(isWithin('/a', '/a/b')).toBe(false);
  });
});
