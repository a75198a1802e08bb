import { resolve } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { BuildModel } from '../lib/build-model.ts';
import { DiagramRenderer } from './diagram-renderer.ts';
import { cacheRoot } from './settings.ts';

const PROGRESS_EVERY_MS = 5000;

/** The renderer of a build; its SVG cache is shared by all packages, as it is keyed by source. */
export function createDiagramRenderer(root: string): DiagramRenderer {
  return new DiagramRenderer(resolve(cacheRoot(root), 'diagrams'));
}

/**
 * Renders every diagram the build will publish in one batch before pages are
 * built, so page builds only read the cache. Fails the build naming the file
 * and line of a diagram mermaid cannot render.
 */
export async function prerenderDiagrams(model: BuildModel, renderer: DiagramRenderer, logger: AstroIntegrationLogger) {
  if (!renderer.chromiumPath) {
    logger.warn('No Chromium found (set HANDOVER_CHROMIUM to its path): diagrams will be drawn in the reader\'s browser, and deck PDF/PPTX and handbook.pdf are left out.');
    return;
  }
  const sources = model.diagrams.map((diagram) => diagram.source);
  const started = Date.now();
  let reported = started;
  const failures = await renderer.renderAll(sources, (done, total) => {
    // A long first render says how far it is every few seconds.
    if (Date.now() - reported < PROGRESS_EVERY_MS || done === total) return;
    reported = Date.now();
    logger.info(`diagrams: ${done} of ${total} drawn`);
  });
  const unique = new Set(sources.map((source) => source.trim())).size;
  logger.info(`${unique} diagrams: ${renderer.rendered} rendered in ${Date.now() - started} ms, ${unique - renderer.rendered - failures.length} from cache`);
  if (failures.length > 0) {
    const where = failures.map((failure) => {
      const diagram = model.diagrams.find((d) => d.source.trim() === failure.source);
      return `${diagram?.file ?? '?'}:${diagram?.line ?? '?'}  mermaid-invalid  ${failure.message}`;
    });
    throw new Error(`diagrams that mermaid cannot render:\n${where.join('\n')}`);
  }
}
