import { describe, expect, it } from 'vitest';
import { correctQuery, searchVocabulary } from '../../src/lib/search-vocabulary.ts';
import { checkDir, sampleDir } from '../support/package.ts';

describe('searchVocabulary', () => {
  it('holds the words of the published text, most frequent first, and no Chinese or short words', async () => {
    const { pkg } = await checkDir(sampleDir);
    const words = searchVocabulary(pkg);
    expect(words).toContain('discount');
    expect(words).toContain('ex-factory');
    expect(words.every((word) => word.length >= 4 && word === word.toLowerCase())).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect(words.indexOf('order')).toBeLessThan(words.indexOf('discount'));
  });
});

describe('correctQuery', () => {
  const vocabulary = ['order', 'discount', 'discounts', 'approval', 'director', 'delivery', 'release'];

  it('corrects a slip to the nearest word of the portal, keeping the other words', () => {
    expect(correctQuery('discont', vocabulary)).toBe('discount');
    expect(correctQuery('sales discont', vocabulary)).toBe('sales discount');
    expect(correctQuery('aproval', vocabulary)).toBe('approval');
    expect(correctQuery('Delivrey', vocabulary)).toBe('delivery');
  });

  it('leaves words of the portal, words being typed, Chinese and far-off words alone', () => {
    expect(correctQuery('discount', vocabulary)).toBeUndefined();
    expect(correctQuery('disc', vocabulary)).toBeUndefined();
    expect(correctQuery('折扣审批', vocabulary)).toBeUndefined();
    expect(correctQuery('warehouse', vocabulary)).toBeUndefined();
    expect(correctQuery('ord', vocabulary)).toBeUndefined();
  });
});
