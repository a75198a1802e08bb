import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { UserConfig } from 'vite';
import { labels } from '../lib/i18n.ts';
import { writeApprovalExports } from './approval-exports.ts';
import { ArtifactCache } from './artifact-cache.ts';
import { writeCheckReport } from './check-report.ts';
import { writeEvidenceFiles } from './evidence-files.ts';
import { buildDecks } from './decks.ts';
import { writeHandbookPdf } from './handbook-pdf.ts';
import { createDiagramRenderer, prerenderDiagrams } from './diagrams.ts';
import { formatFinding, formatSummary } from '../lib/finding-format.ts';
import { loadSiteModel, type SiteModel } from './build-model-store.ts';
import { cacheRoot } from './settings.ts';
import { vitePluginDiagrams } from './vite-plugin-diagrams.ts';
import { mdxSanitizer } from './mdx-sanitizer.ts';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';

type OnLog = NonNullable<NonNullable<NonNullable<UserConfig['build']>['rolldownOptions']>['onLog']>;

/** Astro marks compiled MDX with a directive the bundler warns about once per document: noise for authors. */
const withoutMdxDirectiveWarnings: OnLog = (level, log, forward) => {
  if (log.code !== 'MODULE_LEVEL_DIRECTIVE') forward(level, log);
};

/** Waits for every step, so none is left running in the background, then fails with the first failure. */
async function allDone(steps: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(steps)).find((step) => step.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * A sitemap lists absolute addresses, which a portal built without a site
 * URL does not know; Starlight adds the sitemap integration unless one by
 * that name is present, which would then warn in every build. This stands
 * in for it and writes nothing.
 */
export const withoutSitemap: AstroIntegration = { name: '@astrojs/sitemap', hooks: {} };

/**
 * The Handover portal's Astro integration. It only wires hooks; each step is
 * a named helper that gets the one build model (README, "How a build works").
 */
export function handover(model: SiteModel): AstroIntegration {
  const { settings, locale } = model;
  let renderer: ReturnType<typeof createDiagramRenderer>;
  let artifacts: ArtifactCache;
  return {
    name: 'handover-portal',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectScript }) => {
        renderer = createDiagramRenderer(new URL(config.root).pathname);
        const processor = config.markdown.processor;
        if (!processor || !isSatteriProcessor(processor)) throw new Error('the portal needs Astro\'s default Markdown processor (satteri) to sanitize package documents');
        processor.options.mdastPlugins.push(mdxSanitizer(settings.dir));
        artifacts = new ArtifactCache(resolve(cacheRoot(new URL(config.root).pathname), 'artifacts'));
        updateConfig({
          vite: {
            plugins: [vitePluginDiagrams(settings.dir, renderer, labels(locale)('diagram.title'))],
            build: { rolldownOptions: { onLog: withoutMdxDirectiveWarnings } },
          },
        });
        // Without a browser at build time, pages with diagrams draw them client-side; others load nothing.
        if (!renderer.chromiumPath) injectScript('page', `if (document.querySelector('pre.ho-mermaid')) import('/src/integration/client/mermaid-fallback.ts');`);
      },
      'astro:build:start': async ({ logger }) => {
        await prerenderDiagrams(model, renderer, logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeCheckReport(model, dir, logger);
        // Printing the handbook keeps one core busy; the deck conversions use the other meanwhile.
        await allDone([buildDecks(model, renderer, artifacts, dir, logger).finally(() => renderer.close()), writeHandbookPdf(dir, artifacts, logger), writeApprovalExports(model, dir, logger), writeEvidenceFiles(model, dir, logger)]);
      },
      'astro:server:setup': ({ server, logger }) => {
        // While authoring, an edit of any package file makes a new model, whose findings are shown at once.
        server.watcher.add(settings.dir);
        let pending: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(settings.dir + sep)) return;
          clearTimeout(pending);
          pending = setTimeout(async () => {
            const next = await loadSiteModel(settings).catch((cause: unknown) => logger.error(String(cause)));
            if (!next) return;
            for (const f of next.fullCheck.findings) logger[f.severity === 'error' ? 'error' : 'warn'](formatFinding(f));
            logger.info(formatSummary(next.fullCheck.summary));
            server.ws.send({ type: 'full-reload' });
          }, 200);
        });
      },
      'astro:server:done': async () => {
        await renderer.close();
      },
    },
  };
}
