import type { BuildModel } from '../lib/build-model.ts';
import { parseDay } from '../lib/dates.ts';
import { listPackageAssets, readPackageDir } from '../lib/package-files.ts';
import { modelOf } from './package-check.ts';
import type { HandoverSettings } from './settings.ts';

/** The model of one build with the settings it was made for. */
export interface SiteModel extends BuildModel {
  settings: HandoverSettings;
}

/**
 * The build model is made once per build and handed to every step, as
 * Starlight hands down its config. The CLI, the Astro config, the
 * integration's hooks and the pages each run as separate module instances
 * inside one process, so the model is kept on globalThis under a registered
 * symbol; `reads` counts how often the package was read, which the build
 * records in its marker file.
 */
const STORE = Symbol.for('handover-portal.build-model');

interface Store {
  key?: string;
  model?: Promise<SiteModel>;
  reads: number;
}

function store(): Store {
  const scope = globalThis as { [STORE]?: Store };
  return (scope[STORE] ??= { reads: 0 });
}

const keyOf = (settings: HandoverSettings) => JSON.stringify([settings.dir, settings.profile, settings.today, settings.outDir]);

/** Reads the package and makes its model afresh, replacing the one kept. */
export function loadSiteModel(settings: HandoverSettings): Promise<SiteModel> {
  const kept = store();
  kept.reads++;
  kept.key = keyOf(settings);
  kept.model = (async () => {
    const [files, assets] = await Promise.all([readPackageDir(settings.dir), listPackageAssets(settings.dir)]);
    const model = await modelOf(settings.dir, files, { today: parseDay(settings.today)!, profile: settings.profile, assets });
    return { ...model, settings };
  })();
  // A failed read must not be kept: the next call tries again.
  kept.model.catch(() => {
    if (kept.key === keyOf(settings)) kept.model = undefined;
  });
  return kept.model;
}

/** The model of these settings: the one the build made, or a new one when there is none (Astro run on its own). */
export function siteModel(settings: HandoverSettings): Promise<SiteModel> {
  const kept = store();
  if (kept.model && kept.key === keyOf(settings)) return kept.model;
  return loadSiteModel(settings);
}

/** How often this process has read a package; one per build. */
export function packageReads(): number {
  return store().reads;
}
