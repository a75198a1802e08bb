import { fileURLToPath } from 'node:url';

/**
 * The portal's own folder (astro.config.mjs, node_modules), whatever the
 * working directory. A module of its own because it only holds in Node:
 * pages bundle settings.ts elsewhere, where this path would be wrong.
 */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
