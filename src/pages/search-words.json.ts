// The words of the portal's text, for the search box's spelling correction (src/lib/search-vocabulary.ts).
import type { APIRoute } from 'astro';
import { searchVocabulary } from '../lib/search-vocabulary.ts';
import { getSiteData } from '../integration/site-data.ts';

export const GET: APIRoute = async () => {
  const { pkg } = await getSiteData();
  return new Response(JSON.stringify(searchVocabulary(pkg)), { headers: { 'Content-Type': 'application/json' } });
};
