import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, readText } from './package.ts';

/** One case of tests/fixtures/real-material/: a package made of what authors really paste, and what must come of it. */
export interface RealMaterialCase {
  name: string;
  about: string;
  dir: string;
  expect: 'pass' | 'fail';
  finding?: { code: string; file: string; line: number };
}

export const realMaterialRoot = join(repoRoot, 'tests/fixtures/real-material');

export function realMaterialCases(): RealMaterialCase[] {
  return readdirSync(realMaterialRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const meta = parse(readText(join(realMaterialRoot, entry.name, 'case.yaml'))) as Omit<RealMaterialCase, 'name' | 'dir'>;
      return { ...meta, name: entry.name, dir: join(realMaterialRoot, entry.name, 'package') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
