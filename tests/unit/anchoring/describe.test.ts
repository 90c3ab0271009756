import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '../../../anchoring/describe';

const text = '一二三四五六七八九十'.repeat(10);

describe('describeRange', () => {
  it('stores the selection with CONTEXT_LENGTH characters of context each side', () => {
    const { quote, position } = describeRange(text, 40, 45);
    expect(quote.exact).toBe(text.slice(40, 45));
    expect(quote.prefix).toBe(text.slice(40 - CONTEXT_LENGTH, 40));
    expect(quote.suffix).toBe(text.slice(45, 45 + CONTEXT_LENGTH));
    expect(position).toEqual({ start: 40, end: 45 });
  });

  it('gives an empty prefix at the start of the text and an empty suffix at the end', () => {
    expect(describeRange(text, 0, 3).quote.prefix).toBe('');
    expect(describeRange(text, 97, 100).quote.suffix).toBe('');
    expect(describeRange(text, 3, 97).quote).toMatchObject({ prefix: '一二三', suffix: '八九十' });
  });

  it('does not count white space towards the context', () => {
    const body = '甲'.repeat(40) + '。\n\u3000\u3000' + '乙'.repeat(10);
    const start = body.indexOf('乙');
    const { quote } = describeRange(body, start, start + 4);
    expect(quote.prefix).toBe('甲'.repeat(31) + '。\n\u3000\u3000');
  });

  it('widens a range that would cut an astral character in half, and keeps context whole', () => {
    const astral = '𠀀'; // CJK Extension B, two UTF-16 code units
    const body = `${astral.repeat(40)}中${astral}文${astral.repeat(40)}`;
    const mid = body.indexOf('中');
    const { quote, position } = describeRange(body, mid, mid + 3);
    expect(quote.exact).toBe(`中${astral}`);
    expect(position).toEqual({ start: mid, end: mid + 3 });
    const cut = describeRange(body, mid - 1, mid + 2);
    expect(cut.quote.exact).toBe(`${astral}中${astral}`);
    expect(cut.position).toEqual({ start: mid - 2, end: mid + 3 });
    for (const s of [cut.quote.prefix, cut.quote.suffix]) {
      expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(s)).toBe(false);
    }
  });

  it('stops context short of half an astral character rather than storing a lone surrogate', () => {
    const astral = '𠀀';
    const body = `${astral.repeat(20)}a甲b${astral.repeat(20)}`;
    const at = body.indexOf('甲');
    const { quote } = describeRange(body, at, at + 1);
    expect(quote.prefix).toBe(`${astral.repeat(15)}a`);
    expect(quote.suffix).toBe(`b${astral.repeat(15)}`);
  });

  it('rejects ranges outside the text', () => {
    expect(() => describeRange(text, -1, 2)).toThrow(RangeError);
    expect(() => describeRange(text, 5, 4)).toThrow(RangeError);
    expect(() => describeRange(text, 0, 101)).toThrow(RangeError);
  });
});
