import { createHash } from 'node:crypto';
import { checkPackage, type CheckResult } from '../lib/check.ts';
import { formatDate } from '../lib/dates.ts';
import type { PackageFiles } from '../lib/package-files.ts';
import { createDiagramRenderer } from './diagrams.ts';
import { projectRoot } from './project-root.ts';

/**
 * The check as the CLI and the build run it. Parsing diagrams is most of a
 * large package's check, so diagrams the renderer has drawn before (with this
 * mermaid version) are taken as parsing.
 *
 * A build checks the package before it starts Astro, to refuse one with
 * errors, and again at the end for check.json; the second asks for the same
 * files and day and gets the first result. Astro loads the integration as a
 * module instance of its own, hence the memo on globalThis under a
 * registered symbol. Only the latest check is kept.
 */
const MEMO = Symbol.for('handover-portal.latest-check');

interface Memo {
  key: string;
  result: Promise<CheckResult>;
}

export function checkPackageOnce(files: PackageFiles, today: Date): Promise<CheckResult> {
  const hash = createHash('sha256').update(formatDate(today));
  for (const path of [...files.keys()].sort()) hash.update('\0').update(path).update('\0').update(files.get(path)!);
  const key = hash.digest('hex');
  const store = globalThis as { [MEMO]?: Memo };
  const memo = store[MEMO];
  if (memo?.key === key) return memo.result;
  const renderer = createDiagramRenderer(projectRoot);
  const result = checkPackage(files, { today, knownValidDiagram: (source) => renderer.hasRendering(source) });
  store[MEMO] = { key, result };
  return result;
}
