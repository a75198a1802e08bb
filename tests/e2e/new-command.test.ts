/**
 * `handover new` through the real CLI on a copy of a small package: each type
 * is made with few flags, the package still checks without errors, registers
 * are appended to without touching the author's text, and wrong use is
 * refused with the documented exit codes.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/site.ts';

const otherPackage = join(import.meta.dirname, '..', 'fixtures', 'good', 'other-package');
const today = ['--today', '2026-09-30'];
let dir: string;

beforeAll(async () => {
  dir = join(await tempDir('new'), 'package');
  await cp(otherPackage, dir, { recursive: true });
});

describe('handover new', () => {
  it('makes one of each type, each printing what it wrote and assumed, and the package still checks', async () => {
    const conflictsBefore = await readFile(join(dir, 'conflicts.yaml'), 'utf8');
    const issuesBefore = await readFile(join(dir, 'issues.yaml'), 'utf8');
    const runs = [
      ['procedure', '--order-type', 'tender', '--title', 'Framework call-off', '--criticality', 'key'],
      ['customization', '--title', 'Tender import', '--procedures', 'tender/framework-call-off'],
      ['conflict', '--title', 'Call-offs agreed by phone', '--procedures', 'tender/framework-call-off'],
      ['issue', '--title', 'Call-off prices not found', '--category', 'data'],
      ['deck', '--title', 'Framework call-offs'],
      ['quiz', '--title', 'Framework call-offs quiz', '--covers', 'tender/framework-call-off'],
    ];
    for (const args of runs) {
      const run = await runCli(['new', ...args.slice(0, 1), dir, ...args.slice(1), ...today]);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Made /);
    }
    for (const file of [
      'procedures/tender/framework-call-off.mdx',
      'customizations/tender-import/requirement.mdx',
      'customizations/tender-import/implementation.mdx',
      'decks/framework-call-offs.md',
      'quizzes/framework-call-offs-quiz.yaml',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    // The registers keep every byte their authors wrote; the new record follows.
    const conflicts = await readFile(join(dir, 'conflicts.yaml'), 'utf8');
    expect(conflicts.startsWith(conflictsBefore)).toBe(true);
    expect(conflicts.slice(conflictsBefore.length)).toContain('title: Call-offs agreed by phone');
    const issues = await readFile(join(dir, 'issues.yaml'), 'utf8');
    expect(issues.startsWith(issuesBefore)).toBe(true);

    const check = await runCli(['check', dir, '--json', ...today]);
    expect(check.code, check.stdout).toBe(0);
    const report = JSON.parse(check.stdout) as { findings: { code: string; severity: string; file: string }[] };
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The new deck covered the new key procedure, so it is not reported as uncovered; the new customization has no tests yet.
    expect(report.findings.map((f) => f.code)).not.toContain('deck-uncovered');
    expect(report.findings.filter((f) => f.code === 'customization-missing-tests').map((f) => f.file)).toEqual(['customizations/tender-import/']);
  });

  it('tells which defaults it assumed', async () => {
    const run = await runCli(['new', 'procedure', dir, '--title', 'Catalogue return', ...today]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote procedures/catalogue/catalogue-return.mdx');
    expect(run.stdout).toContain('order type catalogue (the first in handover.yaml)');
    expect(run.stdout).toContain('version "0.1"');
    expect(run.stdout).toMatch(/owner \S+ \(the first role in roles\.yaml\)/);
  });

  it('numbers a new conflict and issue after the last ones of the register', async () => {
    const run = await runCli(['new', 'issue', dir, '--title', 'Another problem', ...today]);
    expect(run.code).toBe(0);
    const id = /id (\S+) \(the next free one\)/.exec(run.stdout)?.[1];
    expect(id).toBeDefined();
    expect(await readFile(join(dir, 'issues.yaml'), 'utf8')).toContain(`- id: ${id}\n`);
  });

  it('creates a register that does not exist yet', async () => {
    const bare = join(await tempDir('new-bare'), 'package');
    await cp(otherPackage, bare, { recursive: true });
    await rm(join(bare, 'conflicts.yaml'));
    const run = await runCli(['new', 'conflict', bare, '--title', 'First conflict', ...today]);
    expect(run.code).toBe(0);
    expect(await readFile(join(bare, 'conflicts.yaml'), 'utf8')).toMatch(/^- id: CF-01\n/);
    expect((await runCli(['check', bare, ...today])).code).toBe(0);
  });

  it('refuses to overwrite a file: exit 1, file untouched', async () => {
    const file = join(dir, 'procedures/tender/framework-call-off.mdx');
    const before = await readFile(file, 'utf8');
    const run = await runCli(['new', 'procedure', dir, '--order-type', 'tender', '--title', 'Framework call-off', ...today]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('procedures/tender/framework-call-off.mdx already exists');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('rejects an unknown order type with exit 2 and the list of known ones', async () => {
    const run = await runCli(['new', 'procedure', dir, '--order-type', 'tendr', '--title', 'X', ...today]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('handover: unknown order type "tendr" (known order types: catalogue, tender); did you mean "tender"?');
    expect(run.stderr).toContain('Run "handover --help"');
    expect(run.stderr).not.toContain('Usage:');
  });

  it('rejects an unknown type and an unknown flag with exit 2', async () => {
    expect((await runCli(['new', 'memo', dir, '--title', 'X'])).code).toBe(2);
    const run = await runCli(['new', 'issue', dir, '--titel', 'X']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--titel');
  });
});
