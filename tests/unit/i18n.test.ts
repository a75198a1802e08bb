import { describe, expect, it } from 'vitest';
import { valueLabel } from '../../src/lib/i18n.ts';
import { checkDir, chineseDir, sampleDir } from '../support/package.ts';

describe('valueLabel', () => {
  it('names the usual priorities and metrics in the interface language, whatever their case', () => {
    expect(valueLabel('zh-CN', 'priority', 'High')).toBe('高');
    expect(valueLabel('zh-CN', 'metric', 'discount')).toBe('折扣');
    expect(valueLabel('en', 'metric', 'order-amount')).toBe('order amount');
  });

  it('shows a value the portal does not know as the author wrote it', () => {
    expect(valueLabel('zh-CN', 'priority', 'P2')).toBe('P2');
    expect(valueLabel('zh-CN', 'metric', 'freight-cost')).toBe('freight-cost');
  });

  it('knows every metric and priority of the sample and the Chinese example', async () => {
    for (const dir of [sampleDir, chineseDir]) {
      const { pkg } = await checkDir(dir);
      const metrics = pkg.procedures.flatMap((p) => p.data.approvals ?? []).map((ladder) => ladder.metric);
      for (const metric of metrics) expect(valueLabel('zh-CN', 'metric', metric), metric).not.toBe(metric);
      for (const c of pkg.customizations) if (c.requirement) expect(valueLabel('zh-CN', 'priority', c.requirement.data.priority)).toMatch(/^[高中低紧急]+$/);
    }
  });
});
