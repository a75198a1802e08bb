#!/usr/bin/env node
// The npm bin: hands over to the TypeScript CLI, which Node (22.18+/24) runs
// directly by stripping types. Older Node gets a clear message, not a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`handover needs Node 22.18 or newer (this is ${process.version}). Run it through npm (npx handover, npm run ...): the project carries Node 24.`);
  process.exit(2);
}
await import('../scripts/handover.ts');
