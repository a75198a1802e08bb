import { createBuildModel, type BuildModel } from '../lib/build-model.ts';
import type { PackageFiles } from '../lib/package-files.ts';
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
export function modelOf(files: PackageFiles, options: { today: Date; profile: Profile; parseDiagrams?: boolean; assets?: PackageAssets }): Promise<BuildModel> {
  const renderer = createDiagramRenderer(projectRoot);
  return createBuildModel(files, { ...options, knownValidDiagram: (source) => renderer.hasRendering(source), capabilities: { chromiumPath: findChromium() } });
}
