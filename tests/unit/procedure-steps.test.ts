import { describe, expect, it } from 'vitest';
import { procedureSteps } from '../../src/lib/procedure-steps.ts';
import { checkDir, chineseDir, sampleDir } from '../support/package.ts';

describe('procedureSteps', () => {
  it('takes the ordered list under "Steps", as plain text, up to the next heading', () => {
    const body = `Intro.

## Scope

1. Not a step.

## Steps

Do this in order:

1. **Customer service** opens the [order](/procedures/x/) and checks \`Status\`.
2. The *system* routes it
   to the approvers.
   - a nested note
3) Lazy
continuation line.

Some remark between lists.

4. A fourth step after the remark.

\`\`\`text
1. not a step: inside a fence
\`\`\`

### Notes under steps

5. Still within Steps (deeper heading).

## Flow

1. Not a step either.
`;
    expect(procedureSteps(body)).toEqual([
      'Customer service opens the order and checks Status.',
      'The system routes it to the approvers. a nested note',
      'Lazy continuation line.',
      'A fourth step after the remark.',
      'Still within Steps (deeper heading).',
    ]);
  });

  it('accepts 步骤 and the other words of the step-heading lists, and says when there is none', () => {
    expect(procedureSteps('## 步骤\n\n1. 销售内勤录入订单。\n2. 系统检查信用。\n')).toEqual(['销售内勤录入订单。', '系统检查信用。']);
    expect(procedureSteps('## 操作步骤：\n\n1. 提交审批。\n')).toEqual(['提交审批。']);
    expect(procedureSteps('### Procedure steps\n\n1. One.\n')).toEqual(['One.']);
    expect(procedureSteps('## Ablauf\n\n1. Eins.\n', ['Ablauf'])).toEqual(['Eins.']);
    expect(procedureSteps('## Scope\n\n1. One.\n')).toBeUndefined();
    expect(procedureSteps('## Steps\n\nNo list here.\n')).toEqual([]);
  });

  it('reads the steps of every procedure of both example packages', async () => {
    for (const dir of [sampleDir, chineseDir]) {
      const { pkg } = await checkDir(dir);
      for (const procedure of pkg.procedures) expect(procedureSteps(procedure.body)?.length ?? 0, procedure.id).toBeGreaterThan(2);
    }
  });
});
