// The structure kept with a page's text: bounded when it is made, checked against its text when it is read back
// (a restored backup is a file from elsewhere), and read from the text's lines when there is none.
import { describe, expect, it } from 'vitest';
import { MAX_STRUCTURE_BLOCKS, checkStructure, readStructure, structureToKeep } from '../../../reading/structure';

const TEXT = '索引号\n001\n标题\n一、情况\n正文。';
const GOOD = {
  segments: [{ start: 0, end: TEXT.length }],
  blocks: [{ start: 0, end: 3, tag: 'td' }, { start: 4, end: 7, tag: 'td' }, { start: 8, end: 10, tag: 'h1' }, { start: 11, end: 15, tag: 'p' }],
};

describe('structureToKeep', () => {
  it('copies spans and tags only, tags in lower case', () => {
    const block = { start: 0, end: 3, tag: 'TD', el: {} };
    expect(structureToKeep([{ start: 0, end: 9, extra: 1 } as never], [block])).toEqual({ segments: [{ start: 0, end: 9 }], blocks: [{ start: 0, end: 3, tag: 'td' }] });
  });

  it('keeps nothing for a page with more blocks than the bound', () => {
    const blocks = Array.from({ length: MAX_STRUCTURE_BLOCKS + 1 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1, tag: 'p' }));
    expect(structureToKeep([{ start: 0, end: 2 * blocks.length }], blocks)).toBeUndefined();
    expect(structureToKeep([{ start: 0, end: 2 * blocks.length }], blocks.slice(1))).toBeDefined();
  });
});

describe('checkStructure', () => {
  it('takes a structure that fits its text, as a fresh copy without anything else', () => {
    const withExtra = { ...GOOD, evil: '<script>', blocks: GOOD.blocks.map((b) => ({ ...b, html: '<b>' })) };
    expect(checkStructure(TEXT, withExtra)).toEqual(GOOD);
  });

  it.each([
    ['no object', null],
    ['no arrays', { segments: 'x', blocks: [] }],
    ['a block past the end of the text', { ...GOOD, blocks: [{ start: 11, end: TEXT.length + 1, tag: 'p' }] }],
    ['blocks out of order', { ...GOOD, blocks: [GOOD.blocks[1], GOOD.blocks[0]] }],
    ['overlapping blocks', { ...GOOD, blocks: [{ start: 0, end: 5, tag: 'p' }, { start: 4, end: 7, tag: 'p' }] }],
    ['an empty block', { ...GOOD, blocks: [{ start: 4, end: 4, tag: 'p' }] }],
    ['a negative offset', { ...GOOD, segments: [{ start: -1, end: 3 }] }],
    ['a fractional offset', { ...GOOD, segments: [{ start: 0.5, end: 3 }] }],
    ['a tag that is no tag name', { ...GOOD, blocks: [{ start: 0, end: 3, tag: 'td onclick=x' }] }],
    ['a missing tag', { ...GOOD, blocks: [{ start: 0, end: 3 }] }],
    ['too many segments', { ...GOOD, segments: Array.from({ length: 65 }, (_, i) => ({ start: i, end: i + 1 })) }],
  ])('refuses %s', (_why, raw) => {
    expect(checkStructure(TEXT, raw)).toBeUndefined();
  });
});

describe('readStructure', () => {
  it('uses a kept structure that checks out', () => {
    expect(readStructure(TEXT, GOOD)).toEqual({ ...GOOD, kept: true });
  });

  it('otherwise reads blocks from the lines that hold more than white space, the whole text as the main content', () => {
    const text = '标题\n\u3000\u3000\n  正文\n';
    expect(readStructure(text, undefined)).toEqual({
      segments: [{ start: 0, end: text.length }],
      blocks: [{ start: 0, end: 2 }, { start: 6, end: 10 }],
      kept: false,
    });
    expect(readStructure(text, { segments: [], blocks: [{ start: 0, end: 99, tag: 'p' }] }).kept).toBe(false);
    expect(readStructure('', undefined)).toEqual({ segments: [], blocks: [], kept: false });
  });
});
