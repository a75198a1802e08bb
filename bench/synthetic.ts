/**
 * Synthetic handover packages for benchmarks: N procedures spread over five
 * order types, each with its own flow diagram and approval ladder, plus decks
 * and customizations in proportion. Every diagram differs, so none is served
 * from another's cache entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ORDER_TYPES = ['standard', 'change', 'return', 'new-product', 'sample'];
const ROLES = [
  ['clerk', 'Order clerk', 1],
  ['sales-manager', 'Sales manager', 2],
  ['finance', 'Finance controller', 3],
  ['director', 'Sales director', 4],
  ['general-manager', 'General manager', 5],
] as const;

export interface SyntheticProcedure {
  orderType: string;
  slug: string;
  title: string;
  /** The MDX body: steps, a diagram fence and controls. */
  body: string;
  diagram: string;
  approvals: string;
}

export function syntheticProcedures(count: number): SyntheticProcedure[] {
  return Array.from({ length: count }, (_, index) => {
    const orderType = ORDER_TYPES[index % ORDER_TYPES.length]!;
    const n = index + 1;
    const limit = 1000 * (1 + (index % 7));
    const diagram = [
      'flowchart TD',
      `  A["Request ${n} received"] --> B{"Amount over ${limit} EUR?"}`,
      `  B -->|No| C["Sales manager approves ${n}"]`,
      `  B -->|Yes| D{"Amount over ${limit * 10} EUR?"}`,
      `  D -->|No| E["Sales director approves"]`,
      `  D -->|Yes| F["General manager approves"]`,
      `  C --> G["Order ${n} released"]`,
      '  E --> G',
      '  F --> G',
    ].join('\n');
    const approvals = [
      'approvals:',
      `  - action: Release of order ${n}`,
      '    metric: order-amount',
      '    unit: EUR',
      '    initiatedBy: clerk',
      '    bands:',
      `      - upTo: ${limit}`,
      '        approver: sales-manager',
      `      - over: ${limit}`,
      `        upTo: ${limit * 10}`,
      '        approver: director',
      `      - over: ${limit * 10}`,
      '        approver: general-manager',
    ].join('\n');
    const body = [
      `Procedure ${n} describes how an order of this kind is taken, approved and released.`,
      '',
      '## Steps',
      '',
      `1. The order clerk records request ${n} with the customer's reference.`,
      '2. The clerk checks prices, discounts and the payment terms.',
      '3. The system routes the order to the approver for its amount.',
      '4. The approver accepts or rejects the order with a reason.',
      '5. The clerk sends the order confirmation.',
      '',
      '## Flow',
      '',
      '```mermaid',
      diagram,
      '```',
      '',
      '## Controls',
      '',
      `- Orders over ${limit} EUR are never released without approval.`,
    ].join('\n');
    return { orderType, slug: `procedure-${String(n).padStart(4, '0')}`, title: `Procedure ${n}`, body, diagram, approvals };
  });
}

/** Writes a complete package of `count` procedures to `dir`. */
export function writeSyntheticPackage(dir: string, count: number): SyntheticProcedure[] {
  const procedures = syntheticProcedures(count);
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'handover.yaml',
    `title: Benchmark ${count}\norganization: Bench AG\nsystem: CRM\ngoLive: 2026-01-05\nlocale: en\ncurrency: EUR\norderTypes:\n${ORDER_TYPES.map((id) => `  - id: ${id}\n    name: ${id} orders\n`).join('')}`,
  );
  write('roles.yaml', ROLES.map(([id, name, rank]) => `- id: ${id}\n  name: ${name}\n  rank: ${rank}\n`).join(''));
  for (const p of procedures) {
    write(
      `procedures/${p.orderType}/${p.slug}.mdx`,
      `---\ntitle: ${p.title}\norderType: ${p.orderType}\nowner: sales-manager\nversion: "1.0"\neffective: 2026-01-05\nreviewBy: 2030-01-05\ncriticality: key\n${p.approvals}\n---\n\n${p.body}\n`,
    );
  }
  // One deck and one customization per 50 procedures, as a real package has them in proportion.
  for (let start = 0; start < count; start += 50) {
    const covered = procedures.slice(start, start + 50);
    const id = `set-${start / 50 + 1}`;
    write(
      `decks/${id}.md`,
      `---\nmarp: true\ntitle: Training ${id}\ncovers: [${covered.map((p) => `${p.orderType}/${p.slug}`).join(', ')}]\n---\n\n# Training ${id}\n\n---\n\n## Approvals\n\n{{approvals ${covered[0]!.orderType}/${covered[0]!.slug}}}\n\n---\n\n## Flow\n\n{{flow ${covered[0]!.orderType}/${covered[0]!.slug}}}\n`,
    );
    write(`customizations/${id}/requirement.mdx`, `---\ntitle: Customization ${id}\nrequestedBy: sales-manager\npriority: medium\nstatus: delivered\n---\n\nWhat the business asked for.\n`);
    write(`customizations/${id}/implementation.mdx`, `---\ntitle: Implementation ${id}\nvendor: Bench Consulting\ndelivered: 2026-01-02\n---\n\nHow it was built.\n`);
    write(`customizations/${id}/tests.yaml`, `records:\n  - id: T-1\n    case: Works\n    date: 2026-01-01\n    tester: QA\n    result: pass\n`);
  }
  return procedures;
}

/**
 * The same procedure pages as a plain Starlight site a company would put
 * together by hand: Markdown approval tables, mermaid drawn in the browser.
 */
export function writeBaselineProject(dir: string, procedures: SyntheticProcedure[]) {
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'astro.config.mjs',
    `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

const clientMermaid = {
  name: 'client-mermaid',
  hooks: {
    'astro:config:setup': ({ injectScript }) => {
      injectScript('page', "if (document.querySelector('pre.mermaid')) import('mermaid').then(({ default: mermaid }) => mermaid.run());");
    },
  },
};

export default defineConfig({
  integrations: [clientMermaid, starlight({ title: 'Baseline', sidebar: [{ label: 'Procedures', items: [{ autogenerate: { directory: 'procedures' } }] }] })],
});
`,
  );
  write(
    'src/content.config.ts',
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  write('src/content/docs/index.mdx', '---\ntitle: Baseline\n---\n\nProcedures.\n');
  for (const p of procedures) {
    const table = ['| Amount | Approver |', '| --- | --- |', ...p.approvals.split('\n').filter((line) => /upTo|over/.test(line)).map((line) => `| ${line.trim()} | see ladder |`)].join('\n');
    const body = p.body.replace(/```mermaid\n([\s\S]*?)\n```/, (_match, source: string) => `<pre class="mermaid">{${JSON.stringify(source)}}</pre>`);
    write(`src/content/docs/procedures/${p.orderType}/${p.slug}.mdx`, `---\ntitle: ${p.title}\n---\n\n${body}\n\n## Approval authority\n\n${table}\n`);
  }
}
