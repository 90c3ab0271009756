import { describe, expect, it } from 'vitest';
import { anchorMany, anchorQuote } from '../../../anchoring/anchor';
import { describeRange } from '../../../anchoring/describe';

const P1 = '2017年,张店区政府以党的十八届四中、五中、六中全会以及十九大精神为指导,深入贯彻落实中共中央、国务院《法治政府建设实施纲要》。';
const P2 = '为扎实推进法治政府建设,成立了张店区法治政府建设领导小组,起草并出台了《张店区“法治政府建设深化年”活动实施方案》。';
const P3 = '全年共办理行政复议案件17件,办结16件;区政府行政诉讼案件14件,行政首长出庭应诉率达86%。';
const TEXT = `${P1}\n\u3000\u3000${P2}\n\u3000\u3000${P3}`;

/** Describes the first occurrence of `passage` in TEXT (or the nth). */
function sel(passage: string, nth = 0) {
  let at = TEXT.indexOf(passage);
  for (let i = 0; i < nth; i++) at = TEXT.indexOf(passage, at + 1);
  return describeRange(TEXT, at, at + passage.length);
}

describe('anchorQuote: exact', () => {
  it('finds an unchanged passage where it was', () => {
    const s = sel('成立了张店区法治政府建设领导小组');
    expect(anchorQuote(TEXT, s)).toMatchObject({ ...s.position, method: 'exact', score: 1 });
  });

  it('follows the passage when text is inserted before it', () => {
    const s = sel('行政首长出庭应诉率达86%');
    const edited = `新增一段说明文字。${TEXT}`;
    const got = anchorQuote(edited, s)!;
    expect(edited.slice(got.start, got.end)).toBe('行政首长出庭应诉率达86%');
    expect(got.method).toBe('exact');
  });

  it('anchors a quote at the very start and at the very end of the text (empty prefix or suffix)', () => {
    const first = sel('2017年,张店区');
    expect(first.quote.prefix).toBe('');
    expect(anchorQuote(`\n\n${TEXT}`, first)).toMatchObject({ start: 2, end: 2 + '2017年,张店区'.length });
    const last = sel('出庭应诉率达86%。');
    expect(last.quote.suffix).toBe('');
    const got = anchorQuote(`${TEXT}\n`, last)!;
    expect(got.end).toBe(TEXT.length);
  });

  it('picks the occurrence of a repeated quote whose context matches', () => {
    // 法治政府建设 occurs five times; annotate the third.
    const s = sel('法治政府建设', 2);
    const expected = s.position.start;
    const edited = `前言。${TEXT}`;
    expect(anchorQuote(edited, s)).toMatchObject({ start: expected + 3, method: 'exact' });
  });

  it('breaks a tie between identical occurrences in identical context by the stored position', () => {
    const unit = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const text = unit.repeat(6);
    const at = unit.length * 3 + 10;
    const s = describeRange(text, at, at + 6);
    expect(anchorQuote(text, s)).toMatchObject({ start: at, end: at + 6 });
    expect(anchorQuote(text, { quote: s.quote, position: { start: unit.length + 10, end: unit.length + 16 } })).toMatchObject({
      start: unit.length + 10,
    });
  });
});

describe('anchorQuote: white space', () => {
  it('ignores re-indented paragraphs, NBSP, line breaks inside the passage and full-width forms', () => {
    const s = sel('全年共办理行政复议案件17件,办结16件');
    const edited = TEXT.replace(/\u3000/g, '\u00a0').replace('复议案件', '复议\n案件').replace('17件', '１７件');
    const got = anchorQuote(edited, s)!;
    expect(got.method).toBe('exact');
    expect(edited.slice(got.start, got.end)).toBe('全年共办理行政复议\n案件１７件,办结16件');
  });

  it('returns a range that starts and ends on text, not on white space', () => {
    const s = describeRange(TEXT, TEXT.indexOf('\n'), TEXT.indexOf('为扎实') + 3);
    expect(s.quote.exact).toBe('\n\u3000\u3000为扎实');
    const got = anchorQuote(TEXT, s)!;
    expect(TEXT.slice(got.start, got.end)).toBe('为扎实');
  });
});

describe('anchorQuote: position', () => {
  it('trusts the stored position when the quote is still there but its whole context was rewritten', () => {
    const at = TEXT.indexOf('行政复议');
    const s = describeRange(TEXT, at, at + 4);
    const edited =
      'X'.repeat(at) + '行政复议' + 'Y'.repeat(TEXT.length - at - 4) + '另有行政复议一词。';
    expect(anchorQuote(edited, s)).toMatchObject({ start: at, end: at + 4, method: 'position' });
  });
});

describe('anchorQuote: fuzzy', () => {
  it('re-anchors a passage edited by a few characters', () => {
    const s = sel('起草并出台了《张店区“法治政府建设深化年”活动实施方案》');
    const edited = TEXT.replace('起草并出台了', '起草并印发了').replace('深化年', '深化之年');
    const got = anchorQuote(edited, s)!;
    expect(got.method).toBe('fuzzy');
    expect(edited.slice(got.start, got.end)).toBe('起草并印发了《张店区“法治政府建设深化之年”活动实施方案》');
    expect(got.score).toBeGreaterThan(0.9);
    expect(got.score).toBeLessThan(1);
  });

  it('re-anchors a short phrase with half its characters changed, by its intact context', () => {
    const s = sel('领导小组');
    const edited = TEXT.replace('建设领导小组', '建设工作小组');
    const got = anchorQuote(edited, s)!;
    expect(edited.slice(got.start, got.end)).toBe('工作小组');
  });

  it('re-anchors a long paragraph (over 256 characters) edited in several places', () => {
    const para = `${P1}${P2}${P3}`.repeat(2).replace(/。/g, ',');
    const text = `开头。\n${para}\n结尾。`;
    const s = describeRange(text, 4, 4 + para.length);
    expect(para.length).toBeGreaterThan(256);
    const edited = text.replace('十八届', '十八').replace('领导小组', '工作小组').replace('86%', '88%');
    const got = anchorQuote(edited, s)!;
    expect(got.method).toBe('fuzzy');
    expect(got.start).toBe(4);
    expect(got.end).toBe(4 + para.length - 1);
  });
});

describe('anchorQuote: orphans', () => {
  it('returns null when the passage was deleted, even if a similar phrase remains elsewhere', () => {
    const s = sel('区政府行政诉讼案件14件');
    const edited = TEXT.replace('区政府行政诉讼案件14件', '') + '县政府行政诉讼案件13件。';
    expect(anchorQuote(edited, s)).toBeNull();
  });

  it('returns null for a short quote whose context is gone, although the words occur elsewhere', () => {
    const s = sel('法治政府建设', 1);
    expect(anchorQuote('我们要推进法治政府建设,这是一项长期任务。', s)).toBeNull();
  });

  it('returns null for an empty or white-space quote and for an unrelated text', () => {
    expect(anchorQuote(TEXT, { quote: { exact: '', prefix: '', suffix: '' } })).toBeNull();
    expect(anchorQuote(TEXT, { quote: { exact: ' \n\u3000', prefix: '', suffix: '' } })).toBeNull();
    expect(anchorQuote('完全无关的文字内容。', sel('成立了张店区法治政府建设领导小组'))).toBeNull();
  });
});

describe('anchorQuote: astral characters', () => {
  it('keeps surrogate pairs whole and counts offsets in UTF-16 code units', () => {
    const text = `前文𠀀𠀁内容。甲乙𠀂丙丁戊𠀃己庚。后文`;
    const at = text.indexOf('甲');
    const s = describeRange(text, at, at + 8);
    expect(s.quote.exact).toBe('甲乙𠀂丙丁戊𠀃');
    const edited = `插入𠀄${text.replace('丙', '𠀅')}`;
    const got = anchorQuote(edited, s)!;
    const hit = edited.slice(got.start, got.end);
    expect(hit).toBe('甲乙𠀂𠀅丁戊𠀃');
    expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(hit)).toBe(false);
  });
});

describe('anchorMany', () => {
  it('anchors many annotations against one text, in order, with nulls for orphans', () => {
    const sels = [sel('成立了张店区'), sel('区政府行政诉讼案件14件'), sel('国务院《法治政府建设实施纲要》')];
    const edited = TEXT.replace('区政府行政诉讼案件14件', '');
    const got = anchorMany(edited, sels);
    expect(got).toHaveLength(3);
    expect(edited.slice(got[0]!.start, got[0]!.end)).toBe('成立了张店区');
    expect(got[1]).toBeNull();
    expect(edited.slice(got[2]!.start, got[2]!.end)).toBe('国务院《法治政府建设实施纲要》');
    expect(got).toEqual(sels.map((s) => anchorQuote(edited, s)));
  });
});

describe('an edit at the edge of a passage together with its context', () => {
  it('gives the whole passage or an orphan, never the passage cut short', () => {
    const a = '一是建立指标动态完善机制,做到简政放权到位。简化优化公共服务流程,将全区177项行政审批事项压缩至92项,精简率达48.6%,办结时限缩短70%以上。累计清理取消143项各类无谓证明和繁琐手续。';
    const start = a.indexOf('将全区');
    const sel = describeRange(a, start, a.indexOf('92项') + 3);
    const b = a.replace('压缩至', '精简至').replace('精简率达48.6%,', '');
    const r = anchorQuote(b, sel);
    expect([null, '将全区177项行政审批事项精简至92项']).toContain(r && b.slice(r.start, r.end));
  });
});
