import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { getSiteData } from './integration/site-data.ts';
import { settingsFromEnv } from './integration/settings.ts';

/**
 * Every MDX document of the package becomes a Starlight page at the path of
 * its file. Our own loader (src/lib) has already validated the frontmatter;
 * here the documents a profile must not publish are taken out again after
 * the glob loader has read them.
 */
function packageDocuments(): Loader {
  const settings = settingsFromEnv();
  const documents = glob({
    pattern: ['procedures/*/*.mdx', 'customizations/*/requirement.mdx', 'customizations/*/implementation.mdx', 'pages/**/*.mdx'],
    base: settings.dir,
  });
  return {
    name: 'handover-documents',
    load: async (context) => {
      await documents.load(context);
      const published = (await getSiteData()).documents;
      const root = fileURLToPath(context.config.root);
      for (const [id, entry] of context.store.entries()) {
        const file = entry.filePath && relative(settings.dir, resolve(root, entry.filePath)).split('\\').join('/');
        if (!file || !published.has(file)) context.store.delete(id);
      }
    },
  };
}

export const collections = {
  docs: defineCollection({ loader: packageDocuments(), schema: docsSchema() }),
  // Starlight reads UI overrides from this collection; the portal has none, and an entry for its
  // language keeps Astro from warning of a missing collection in every build.
  i18n: defineCollection({ loader: async () => [{ id: (await getSiteData()).locale }], schema: i18nSchema() }),
};
