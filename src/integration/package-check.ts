import { createBuildModel, type BuildModel } from '../lib/build-model.ts';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { CheckOptions } from '../lib/check.ts';
import { readPackageDir, type PackageFiles } from '../lib/package-files.ts';
import { isFolder, readPackageRevision } from './package-revision.ts';
import type { PackageAssets } from '../lib/package-paths.ts';
import type { Profile } from '../lib/profile.ts';
import { findChromium } from './chromium.ts';
import { createDiagramRenderer } from './diagrams.ts';
import { projectRoot } from './project-root.ts';

/**
 * The build model as the CLI and the build make it, with what this machine
 * offers. Parsing diagrams is most of a large package's check, so diagrams
 * the renderer has drawn before (with this mermaid version) are taken as
 * parsing: a diagram that failed was never drawn, so it is always parsed.
 */
export async function modelOf(dir: string, files: PackageFiles, options: { today: Date; profile: Profile; parseDiagrams?: boolean; assets?: PackageAssets }): Promise<BuildModel> {
  const renderer = createDiagramRenderer(projectRoot);
  return createBuildModel(files, {
    ...options,
    baseline: await readBaseline(dir, files),
    knownValidDiagram: (source) => renderer.hasRendering(source),
    capabilities: { chromiumPath: findChromium() },
  });
}

/**
 * The version handover.yaml names as `baseline:`: a folder inside the
 * package, or a git revision of its repository. Undefined when it names
 * none (or handover.yaml cannot be read, which the check reports anyway).
 */
async function readBaseline(dir: string, files: PackageFiles): Promise<CheckOptions['baseline']> {
  const meta = files.get('handover.yaml') ?? files.get('handover.yml');
  let named: unknown;
  try {
    named = meta && (parse(new TextDecoder().decode(meta)) as { baseline?: unknown } | null)?.baseline;
  } catch {
    return undefined;
  }
  if (typeof named !== 'string' || named.trim() === '') return undefined;
  const folder = resolve(dir, named);
  const inside = relative(await realpath(dir), await realpath(folder).catch(() => folder));
  if (await isFolder(folder)) {
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { problem: `the baseline folder "${named}" lies outside the package; put the signed-off copy inside it, or name a git revision` };
    return { files: await readPackageDir(folder) };
  }
  try {
    return { files: await readPackageRevision(dir, named) };
  } catch (cause) {
    return { problem: cause instanceof Error ? cause.message : String(cause) };
  }
}
