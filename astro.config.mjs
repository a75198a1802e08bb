// @ts-check
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { handover } from './src/integration/index.ts';
import { cacheDirFor, settingsFromEnv } from './src/integration/settings.ts';
import { starlightOptions } from './src/integration/starlight-options.ts';

// The package to build comes from the environment the `handover` CLI sets.
const settings = settingsFromEnv();
const root = fileURLToPath(new URL('.', import.meta.url));

const starlightConfig = await starlightOptions(settings);

export default defineConfig({
  cacheDir: cacheDirFor(settings, root),
  // handover() comes first so its diagram step runs before the MDX compiler.
  integrations: [handover(settings, starlightConfig.locales?.root?.lang ?? 'en'), starlight(starlightConfig)],
});
