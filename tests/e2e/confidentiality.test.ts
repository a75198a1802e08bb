import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/package.ts';
import { buildPackage, tempDir } from '../support/site.ts';

/**
 * Canary strings planted in every kind of internal content of a package that
 * is not the sample. The public build must contain none of them anywhere;
 * the internal build must contain them.
 */
const CANARIES = {
  procedure: 'ZQXPROCEDURE7731',
  ladder: 'ZQXLADDER7732',
  requirement: 'ZQXREQUIREMENT7733',
  implementation: 'ZQXIMPLEMENTATION7734',
  testRecord: 'ZQXTESTRECORD7735',
  deck: 'ZQXDECK7736',
  quiz: 'ZQXQUIZ7737',
  conflict: 'ZQXCONFLICT7738',
  issue: 'ZQXISSUE7739',
  page: 'ZQXPAGE7740',
  slug: 'zqxslug7741',
};

async function plantedPackage(): Promise<string> {
  const dir = join(await tempDir('canary'), 'package');
  cpSync(join(repoRoot, 'tests/fixtures/good/other-package'), dir, { recursive: true });
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    `procedures/catalogue/${CANARIES.slug}-procedure.mdx`,
    `---\ntitle: Price floor ${CANARIES.procedure}\norderType: catalogue\nowner: branch-manager\nversion: "1.0"\neffective: 2026-03-02\nreviewBy: 2027-03-01\ncriticality: standard\naudience: internal\napprovals:\n  - action: Below-floor price ${CANARIES.ladder}\n    metric: floor-discount\n    unit: "%"\n    bands:\n      - upTo: 3\n        approver: branch-manager\n      - over: 3\n        approver: managing-director\n---\n\n## Steps\n\n1. Check the confidential floor ${CANARIES.procedure}.\n`,
  );
  write(
    `customizations/${CANARIES.slug}-cust/requirement.mdx`,
    `---\ntitle: Margin report ${CANARIES.requirement}\nrequestedBy: managing-director\npriority: high\nstatus: delivered\naudience: internal\nlimitations:\n  - Shows ${CANARIES.requirement} only monthly\n---\n\nThe margin report.\n`,
  );
  write(
    `customizations/${CANARIES.slug}-cust/implementation.mdx`,
    `---\ntitle: Margin report build ${CANARIES.implementation}\nvendor: Nordwind Services\n---\n\nBuilt as ${CANARIES.implementation}.\n`,
  );
  write(
    `customizations/${CANARIES.slug}-cust/tests.yaml`,
    `records:\n  - id: MR-1\n    case: Report totals ${CANARIES.implementation}\n    date: 2026-02-10\n    tester: QA\n    result: pass\n`,
  );
  appendFileSync(
    join(dir, 'customizations/lot-trace/tests.yaml'),
    `  - id: LT-CANARY\n    case: Cost price shown ${CANARIES.testRecord}\n    date: 2026-02-11\n    tester: QA\n    result: fail\n    waiver: Accepted ${CANARIES.testRecord}\n    audience: internal\n`,
  );
  write(
    `decks/${CANARIES.slug}-deck.md`,
    `---\nmarp: true\ntitle: Pricing secrets ${CANARIES.deck}\ncovers: [catalogue/catalogue-order]\naudience: internal\n---\n\n# Pricing ${CANARIES.deck}\n\n---\n\n# Second slide ${CANARIES.deck}\n`,
  );
  write(
    `quizzes/${CANARIES.slug}-quiz.yaml`,
    `title: Floor prices ${CANARIES.quiz}\ncovers: [catalogue/catalogue-order]\npassMark: 80\naudience: internal\nquestions:\n  - prompt: What is ${CANARIES.quiz}?\n    choices: [A, B]\n    answer: 0\n`,
  );
  appendFileSync(
    join(dir, 'conflicts.yaml'),
    `- id: CF-${CANARIES.slug}\n  title: Side letters ${CANARIES.conflict}\n  legacyPractice: Side letters ${CANARIES.conflict}\n  systemRule: Rebates in the system\n  owner: branch-manager\n  status: open\n  audience: internal\n  checks:\n    - due: 2026-01-10\n`,
  );
  appendFileSync(
    join(dir, 'issues.yaml'),
    `- id: ISS-${CANARIES.slug}\n  reported: 2026-04-01\n  reporter: Controller\n  category: data\n  summary: Cost leak ${CANARIES.issue}\n  status: resolved\n  solution: Fixed ${CANARIES.issue}\n  audience: internal\n`,
  );
  write(`pages/${CANARIES.slug}-page.mdx`, `---\ntitle: Board notes ${CANARIES.page}\naudience: internal\n---\n\nNotes ${CANARIES.page}.\n`);

  // Public documents and records that name the internal procedure: the id (it holds the slug canary) must not show.
  const internalId = `catalogue/${CANARIES.slug}-procedure`;
  write('decks/public-pricing.md', `---\nmarp: true\ntitle: Pricing basics\ncovers: [catalogue/catalogue-order, ${internalId}]\n---\n\n# Pricing basics\n`);
  write('quizzes/public-pricing.yaml', `title: Pricing basics\ncovers: [${internalId}, catalogue/catalogue-order]\npassMark: 50\nquestions:\n  - prompt: Who sets prices?\n    choices: [Sales, Finance]\n    answer: 1\n`);
  appendFileSync(join(dir, 'conflicts.yaml'), `- id: CF-PUBLIC-REF\n  title: Price lists by hand\n  legacyPractice: Excel price lists\n  systemRule: Price lists in the system\n  owner: branch-manager\n  status: monitoring\n  procedures: [${internalId}]\n`);
  appendFileSync(join(dir, 'issues.yaml'), `- id: ISS-PUBLIC-REF\n  reported: 2026-04-02\n  reporter: Desk\n  category: process\n  summary: Price question\n  status: resolved\n  solution: Answered\n  procedures: [${internalId}]\n`);
  write('customizations/public-ref/requirement.mdx', `---\ntitle: Price check\nrequestedBy: branch-manager\npriority: low\nstatus: delivered\nprocedures: [${internalId}]\n---\n\nA price check.\n`);
  write('customizations/public-ref/implementation.mdx', `---\ntitle: Price check build\nvendor: Nordwind Services\n---\n\nBuilt.\n`);
  write('customizations/public-ref/tests.yaml', `records:\n  - id: PC-1\n    case: Price shown\n    date: 2026-02-10\n    tester: QA\n    result: pass\n`);
  writeFileSync(join(dir, 'handover.yaml'), readFileSync(join(dir, 'handover.yaml'), 'utf8').replace('      - tender/tender-order', `      - tender/tender-order\n      - ${internalId}`));
  // An internal customization without test records: its finding names its folder, which holds the canary.
  write(`customizations/${CANARIES.slug}-untested/requirement.mdx`, `---\ntitle: Untested ${CANARIES.requirement}\nrequestedBy: managing-director\npriority: low\nstatus: accepted\naudience: internal\n---\n\nNot tested yet.\n`);
  write(`customizations/${CANARIES.slug}-untested/implementation.mdx`, `---\ntitle: Untested build\nvendor: Nordwind Services\n---\n\nBuilt.\n`);
  return dir;
}

/** Every file of a built site as searchable text: Pagefind's gzip files inflated, PDFs and PPTX unpacked. */
function siteTexts(out: string): { file: string; text: string }[] {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    let text: string;
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) text = gunzipSync(bytes).toString('utf8');
    else if (path.endsWith('.pdf')) text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    else if (path.endsWith('.pptx')) text = execFileSync('unzip', ['-p', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    else text = bytes.toString('utf8');
    return { file: relative(out, path), text: `${relative(out, path)}\n${text}` };
  });
}

let pkgDir: string;
let publicOut: string;
let internalOut: string;

beforeAll(async () => {
  pkgDir = await plantedPackage();
  publicOut = await buildPackage(pkgDir);
  internalOut = await buildPackage(pkgDir, ['--profile', 'internal']);
});

describe('the public profile', () => {
  it('leaves every internal canary out of every file of the site', () => {
    const leaks = siteTexts(publicOut).flatMap(({ file, text }) =>
      Object.entries(CANARIES)
        .filter(([, canary]) => text.toLowerCase().includes(canary.toLowerCase()))
        .map(([kind]) => `${kind} in ${file}`),
    );
    expect(leaks).toEqual([]);
  });

  it('warns of each public reference to internal content, and says so only in the internal check', async () => {
    const publicCheck = JSON.parse(readFileSync(join(publicOut, 'check.json'), 'utf8')) as { findings: { code: string; file: string }[] };
    expect(publicCheck.findings.filter((f) => f.file.includes(CANARIES.slug))).toEqual([]);
    const internalCheck = JSON.parse(readFileSync(join(internalOut, 'check.json'), 'utf8')) as { findings: { code: string; file: string }[] };
    const references = internalCheck.findings.filter((f) => f.code === 'internal-reference').map((f) => f.file).sort();
    expect(references).toEqual(['conflicts.yaml', 'customizations/public-ref/requirement.mdx', 'decks/public-pricing.md', 'handover.yaml', 'issues.yaml', 'quizzes/public-pricing.yaml']);
    expect(internalCheck.findings.some((f) => f.code === 'customization-missing-tests' && f.file.includes(`${CANARIES.slug}-untested`))).toBe(true);
  });

  it('still publishes the public content', () => {
    const all = siteTexts(publicOut).map((entry) => entry.text).join('\n');
    expect(all).toContain('Kestrel Lab Supply');
  });
});

describe('the internal profile', () => {
  it('publishes the internal content, marked as internal', () => {
    const all = siteTexts(internalOut).map((entry) => entry.text).join('\n');
    for (const [kind, canary] of Object.entries(CANARIES)) expect(all.toLowerCase(), kind).toContain(canary.toLowerCase());
    const page = readFileSync(join(internalOut, `procedures/catalogue/${CANARIES.slug}-procedure/index.html`), 'utf8');
    expect(page).toContain('ho-badge--internal');
  });
});
