import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeHtml } from '../lib/html.ts';

/**
 * Starlight writes the <title> element's content as raw HTML. Our titles come
 * from the package's YAML, so markup in them must be escaped here, or a title
 * containing "</title><script>" would run in every reader's browser.
 */
export const onRequest = defineRouteMiddleware((context) => {
  for (const entry of context.locals.starlightRoute.head) {
    if (entry.tag === 'title' && typeof entry.content === 'string') entry.content = escapeHtml(entry.content);
  }
});
