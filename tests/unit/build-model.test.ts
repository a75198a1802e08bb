import { describe, expect, it } from 'vitest';
import { createBuildModel } from '../../src/lib/build-model.ts';
import { sourceFingerprint } from '../../src/lib/fingerprint.ts';
import { listPackageAssets, readPackageDir } from '../../src/lib/package-files.ts';
import { MINIMAL_PACKAGE, filesOf, minimalProcedure, sampleDir, sampleToday } from '../support/package.ts';

const today = sampleToday;

describe('createBuildModel', () => {
  const files = filesOf({
    ...MINIMAL_PACKAGE,
    'procedures/standard/open.mdx': minimalProcedure('', '## Steps\n\n```mermaid\nflowchart TD\n  A --> B\n```\n'),
    'procedures/standard/secret.mdx': minimalProcedure('audience: internal\n', '## Steps\n\n```mermaid\nflowchart TD\n  S --> T\n```\n'),
  });

  it('publishes for its profile: the public view leaves internal documents and their diagrams out', async () => {
    const publicModel = await createBuildModel(files, { today, profile: 'public', parseDiagrams: false });
    expect(publicModel.pkg.procedures.map((p) => p.id)).toEqual(['standard/open']);
    expect([...publicModel.documents]).toEqual(['procedures/standard/open.mdx']);
    expect(publicModel.diagrams.map((d) => [d.file, d.line, d.source])).toEqual([['procedures/standard/open.mdx', 12, 'flowchart TD\n  A --> B']]);
    // The full check still sees both, so a defect in internal content still refuses the build.
    expect(publicModel.fullCheck.pkg.procedures.map((p) => p.id).sort()).toEqual(['standard/open', 'standard/secret']);

    const internalModel = await createBuildModel(files, { today, profile: 'internal', parseDiagrams: false });
    expect(internalModel.pkg.procedures.map((p) => p.id).sort()).toEqual(['standard/open', 'standard/secret']);
    expect(internalModel.diagrams).toHaveLength(2);
  });

  it('fingerprints every file from the bytes it was given', async () => {
    const model = await createBuildModel(files, { today, profile: 'internal', parseDiagrams: false });
    expect(model.fingerprints.get('procedures/standard/open.mdx')).toBe(sourceFingerprint(files.get('procedures/standard/open.mdx')!));
    expect(model.fingerprints.size).toBe(files.size);
  });

  it('is a function of its input: the sample gives the same findings twice', async () => {
    const [sample, assets] = await Promise.all([readPackageDir(sampleDir), listPackageAssets(sampleDir)]);
    const [a, b] = await Promise.all([createBuildModel(sample, { today, profile: 'public', assets }), createBuildModel(sample, { today, profile: 'public', assets })]);
    expect(a.evidence.map((file) => file.path)).toEqual(['evidence/ISS-001-change-order-greyed-out.png']);
    expect(a.check.findings).toEqual(b.check.findings);
    expect(a.locale).toBe('en');
    expect(a.check.summary.errors).toBe(0);
  });
});
