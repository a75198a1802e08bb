import type { AstroIntegration } from 'astro';
import { writeCheckReport } from './check-report.ts';
import type { HandoverSettings } from './settings.ts';

/** The Handover portal's Astro integration. It only wires hooks; each step is a named helper. */
export function handover(settings: HandoverSettings): AstroIntegration {
  return {
    name: 'handover-portal',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeCheckReport(settings, dir, logger);
      },
    },
  };
}
