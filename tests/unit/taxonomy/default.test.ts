import { describe, expect, it } from 'vitest';
import { AREAS_SCHEME, REPORT_SCHEME, TAXONOMY_BASE, defaultTaxonomy } from '../../../taxonomy/default';
import { PAGE_BACKGROUNDS, blend, contrast, deltaE, highlightDistance } from '../../../taxonomy/palette';
import { findProblem, siblings } from '../../../taxonomy/state';

const { taxonomy, terms } = defaultTaxonomy();
const byZh = (zh: string) => terms.find((term) => term.label.zh === zh)!;

describe('default taxonomy', () => {
  it('is a sound state', () => {
    expect(findProblem({ taxonomy, terms })).toBeUndefined();
  });

  it('has stable IRIs under one base, unique ids', () => {
    expect(new Set(terms.map((term) => term.id)).size).toBe(terms.length);
    for (const term of terms) expect(term.id.startsWith(`${TAXONOMY_BASE}/term/`)).toBe(true);
    expect(taxonomy.schemes.map((s) => s.id)).toEqual([AREAS_SCHEME, REPORT_SCHEME]);
  });

  it('follows the outline: the eight systems, party leadership and the mechanisms, in that order', () => {
    expect(siblings(terms, AREAS_SCHEME, undefined).map((term) => term.label.zh)).toEqual([
      '政府机构职能体系', '依法行政制度体系', '行政决策制度体系', '行政执法工作体系', '突发事件应对体系',
      '社会矛盾纠纷行政预防调处化解体系', '行政权力制约和监督体系', '法治政府建设科技保障体系', '党的领导', '推进机制',
    ]);
    const under = (zh: string) => siblings(terms, AREAS_SCHEME, byZh(zh).id).map((term) => term.label.zh);
    expect(under('行政执法工作体系')).toEqual(expect.arrayContaining(['行政执法三项制度', '执法人员资格管理', '综合执法改革']));
    expect(under('依法行政制度体系')).toEqual(expect.arrayContaining(['规范性文件备案审查', '规范性文件合法性审核']));
    expect(under('推进机制')).toEqual(expect.arrayContaining(['法治督察', '考核评价', '年度报告制度']));
  });

  it('covers the parts of a report', () => {
    const report = siblings(terms, REPORT_SCHEME, undefined).map((term) => term.label.zh);
    for (const part of ['总体情况', '主要举措', '成效与数据', '存在问题', '下一步工作打算', '落款与日期', '主送机关', '发文字号', '附件'])
      expect(report).toContain(part);
  });

  it('numbers children under their parent and labels everything in both languages', () => {
    for (const term of terms) {
      expect(term.label.zh && term.label.en && term.scopeNote?.zh && term.scopeNote?.en).toBeTruthy();
      const parent = terms.find((p) => p.id === term.parent);
      if (parent) expect(term.notation).toBe(`${parent.notation}.${term.order + 1}`);
    }
    expect(byZh('行政执法三项制度').notation).toMatch(/^4\.\d$/);
  });

  it('gives single-key shortcuts to the top-level terms most used, no key twice', () => {
    const keys = terms.filter((term) => term.shortcut).map((term) => term.shortcut!);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k.length === 1)).toBe(true);
    for (const term of siblings(terms, AREAS_SCHEME, undefined)) expect(term.shortcut).toBeDefined();
    for (const zh of ['主要举措', '成效与数据', '存在问题', '下一步工作打算']) expect(byZh(zh).shortcut).toBeDefined();
  });

  it('has colours readable as highlights on white and dark pages', () => {
    for (const term of terms) {
      for (const { background, text } of Object.values(PAGE_BACKGROUNDS)) {
        const shown = blend(term.color, background);
        expect(contrast(shown, text), `${term.notation} ${term.color} on ${background}`).toBeGreaterThanOrEqual(4.5);
        expect(deltaE(shown, background), `${term.notation} visible on ${background}`).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it('has distinct colours: apart at the top level of a scheme, and between siblings', () => {
    expect(new Set(terms.map((term) => term.color)).size).toBe(terms.length);
    for (const scheme of [AREAS_SCHEME, REPORT_SCHEME]) {
      const top = siblings(terms, scheme, undefined);
      for (let i = 0; i < top.length; i++)
        for (let j = i + 1; j < top.length; j++)
          expect(highlightDistance(top[i].color, top[j].color), `${top[i].notation}/${top[j].notation}`).toBeGreaterThanOrEqual(10);
    }
    for (const parent of terms) {
      const kids = siblings(terms, parent.scheme, parent.id);
      for (let i = 0; i < kids.length; i++)
        for (let j = i + 1; j < kids.length; j++)
          expect(highlightDistance(kids[i].color, kids[j].color), `${kids[i].notation}/${kids[j].notation}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('returns a fresh copy each time', () => {
    const a = defaultTaxonomy();
    a.terms[0].label.zh = 'changed';
    a.terms[0].scopeNote!.zh = 'changed';
    expect(defaultTaxonomy().terms[0].label.zh).toBe('政府机构职能体系');
    expect(defaultTaxonomy().terms[0].scopeNote!.zh).not.toBe('changed');
  });
});
