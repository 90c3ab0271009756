import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from '../../../exchange/json-syntax';

describe('findJsonSyntaxProblem', () => {
  it('finds nothing wrong in valid JSON, however it is spaced', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"k": []}] ', '"批注"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxProblem(text)).toBeUndefined();
    }
  });

  it('points at the first character JSON.parse would refuse', () => {
    const cases: [string, number, string][] = [
      ['{"a": x}', 6, 'a value'],
      ['{"a": 1,}', 8, 'a string'],
      ['[1 2]', 3, "',' or ']'"],
      ['{"a" 1}', 5, "':'"],
      ['[01]', 2, "',' or ']'"],
      ['{} {}', 3, 'the end of the data'],
      ['["tab\there"]', 5, 'the end of the string'],
      ["{'a': 1}", 1, 'a string'],
    ];
    for (const [text, position, expected] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect(findJsonSyntaxProblem(text), text).toEqual({ position, expected });
    }
  });

  it('reports a text that stops early at its end', () => {
    for (const text of ['{"a": [1, 2', '{"a": "unterminated', '[', '{"a":\n  ']) {
      expect(findJsonSyntaxProblem(text)?.position, text).toBe(text.length);
    }
  });
});
