// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { siteModel } from './src/integration/build-model-store.ts';
import { handover, withoutSitemap } from './src/integration/index.ts';
import { cacheDirFor, settingsFromEnv } from './src/integration/settings.ts';
import { starlightOptions } from './src/integration/starlight-options.ts';
import { fileURLToPath } from 'node:url';

// The package to build comes from the environment the `handover` CLI sets; the CLI has
// already made the build model, which siteModel hands back instead of reading the package again.
const model = await siteModel(settingsFromEnv());
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  cacheDir: cacheDirFor(model.settings, root),
  // handover() comes first so its diagram step runs before the MDX compiler.
  integrations: [handover(model), withoutSitemap, starlight(starlightOptions(model))],
});
