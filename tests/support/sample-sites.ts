import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chineseDir, sampleDir } from './package.ts';
import { runCli, tempDir } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sample package's portal, built once for all end-to-end files. */
    sampleSite: string;
    /** The Chinese example's portal, built once for all end-to-end files. */
    chineseSite: string;
    /** What the two builds printed, for the tests of the build log. */
    buildLogs: string[];
  }
}

/** Vitest global setup of the e2e project: the two example portals, built one after the other (builds take turns anyway). */
export default async function setup(project: TestProject) {
  const logs: string[] = [];
  for (const [key, dir] of [['sampleSite', sampleDir], ['chineseSite', chineseDir]] as const) {
    const out = join(await tempDir('site'), 'dist');
    const run = await runCli(['build', dir, '--out', out, '--today', '2026-09-30']);
    if (run.code !== 0) throw new Error(`build of ${dir} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
    project.provide(key, out);
    logs.push(`${run.stdout}\n${run.stderr}`);
  }
  project.provide('buildLogs', logs);
}
