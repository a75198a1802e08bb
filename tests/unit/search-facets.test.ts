import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/lib/package.ts';
import { documentFacetInput, registerFacetInput, searchFacets } from '../../src/lib/search-facets.ts';
import { filesOf } from '../support/package.ts';

const pkgIn = (locale: string) =>
  loadPackage(
    filesOf({
      'handover.yaml': `title: T\norganization: O\nsystem: S\ngoLive: 2026-01-01\nlocale: ${locale}\ncurrency: EUR\norderTypes:\n  - id: standard\n    name: Standard, regular\n  - id: sample\n    name: Sample\n`,
      'roles.yaml': '- id: clerk\n  name: Order clerk\n  rank: 1\n- id: boss\n  name: Boss\n  rank: 2\n',
      'procedures/standard/order.mdx': '---\ntitle: Order\norderType: standard\nowner: clerk\nversion: "2.1"\neffective: 2026-01-01\nreviewBy: 2027-01-01\ncriticality: key\n---\nBody.\n',
      'conflicts.yaml': '- id: CF-1\n  title: C\n  legacyPractice: L\n  systemRule: S\n  owner: boss\n  status: open\n  procedures: [standard/order]\n',
      'pages/help.mdx': '---\ntitle: Help\n---\nText.\n',
    }),
  ).pkg;

describe('searchFacets', () => {
  it('labels a procedure page with its type, order type and owner, and shows them and its version with the hit', () => {
    const pkg = pkgIn('en');
    expect(searchFacets(pkg, documentFacetInput(pkg, 'procedures/standard/order.mdx')!)).toEqual({
      filters: [
        ['Content type', 'Procedure'],
        ['Order type', 'Standard, regular'],
        ['Owner', 'Order clerk'],
      ],
      meta: [
        ['Content type', 'Procedure'],
        ['Order type', 'Standard, regular'],
        ['Version', '2.1'],
        ['Owner', 'Order clerk'],
      ],
    });
    expect(documentFacetInput(pkg, 'pages/help.mdx')).toEqual({ types: ['page'] });
  });

  it('speaks the package language', () => {
    const pkg = pkgIn('zh-CN');
    expect(searchFacets(pkg, registerFacetInput(pkg, 'conflicts'))).toEqual({
      filters: [
        ['内容类型', '冲突登记'],
        ['订单类型', 'Standard, regular'],
        ['负责人', 'Boss'],
      ],
      meta: [
        ['内容类型', '冲突登记'],
        ['订单类型', 'Standard, regular'],
        ['负责人', 'Boss'],
      ],
    });
  });
});
