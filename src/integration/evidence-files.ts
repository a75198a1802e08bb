import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { routes } from '../lib/routes.ts';
import type { SiteModel } from './build-model-store.ts';

/** Copies the issue log's evidence files (screenshots, exports) to where the issue page links them. */
export async function writeEvidenceFiles(model: SiteModel, outDir: URL, logger: AstroIntegrationLogger) {
  if (model.evidence.length === 0) return;
  const root = fileURLToPath(outDir);
  for (const file of model.evidence) {
    const target = join(root, decodeURIComponent(routes.evidence(file.path)));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(model.settings.dir, file.path), target);
  }
  logger.info(`issue evidence: ${model.evidence.length} files`);
}
