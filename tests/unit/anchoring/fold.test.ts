import { describe, expect, it } from 'vitest';
import { foldString, foldText, toFoldedIndex, toOriginalRange } from '../../../anchoring/fold';

describe('foldText', () => {
  const original = '\u3000\u3000一、加强 组织\u00a0领导\r\n（二）２０１７年\u200b完成';

  it('drops white space and invisible format characters and folds full-width ASCII', () => {
    expect(foldText(original).folded).toBe('一、加强组织领导(二)2017年完成');
    expect(foldString(original)).toBe(foldText(original).folded);
  });

  it('maps every folded unit back to where it came from', () => {
    const view = foldText(original);
    for (let i = 0; i < view.folded.length; i++) {
      expect(foldString(original[view.starts[i]])).toBe(view.folded[i]);
    }
    const at = view.folded.indexOf('组织领导');
    const range = toOriginalRange(view, at, at + 4);
    expect(original.slice(range.start, range.end)).toBe('组织\u00a0领导');
  });

  it('converts original offsets to folded ones, white space landing on the next character', () => {
    const view = foldText(original);
    expect(toFoldedIndex(view, 0)).toBe(0);
    expect(toFoldedIndex(view, original.indexOf('组'))).toBe(view.folded.indexOf('组'));
    expect(toFoldedIndex(view, original.indexOf(' '))).toBe(view.folded.indexOf('组'));
    expect(toFoldedIndex(view, original.length)).toBe(view.folded.length);
  });

  it('handles texts longer than one argument list', () => {
    const long = '法 '.repeat(100_000);
    expect(foldText(long).folded).toBe('法'.repeat(100_000));
  });
});
