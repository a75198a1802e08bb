import type { TestProject } from 'vitest/node';
import { chineseDir, sampleDir } from './package.ts';
import { buildPackage } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sample package's portal, built once for all end-to-end files. */
    sampleSite: string;
    /** The Chinese example's portal, built once for all end-to-end files. */
    chineseSite: string;
  }
}

/** Vitest global setup of the e2e project: the two example portals, built one after the other (builds take turns anyway). */
export default async function setup(project: TestProject) {
  project.provide('sampleSite', await buildPackage(sampleDir));
  project.provide('chineseSite', await buildPackage(chineseDir));
}
