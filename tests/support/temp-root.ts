import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: one temporary folder for the whole run, handed to the
 * test workers through the environment (they start after this runs), and
 * removed with everything the tests made in it when the run ends.
 */
export default async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'handover-tests-'));
  process.env.HANDOVER_TEST_TMP = root;
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
