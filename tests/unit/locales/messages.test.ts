// The UI's words in both locale files, checked as a whole so that they stay fixed: Chinese strings use full-width
// punctuation, and a message speaks one language (no "确认导入 Import").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.resolve(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8'));
const zh = read('zh_CN');
const en = read('en');

// Han characters and the CJK and full-width punctuation around them.
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”]/;

/** Half-width , : ( ) ; ? with Chinese next to it (spaces skipped), as "text: where it stands". */
export function halfWidthInChinese(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!',:();?'.includes(text[i])) continue;
    let a = i - 1;
    while (a >= 0 && text[a] === ' ') a--;
    let b = i + 1;
    while (b < text.length && text[b] === ' ') b++;
    if (CJK.test(text[a] ?? '') || CJK.test(text[b] ?? '')) found.push(`${text.slice(Math.max(0, i - 6), i + 7)}`);
  }
  return found;
}

// Han characters only (the other language's words are what is looked for, not punctuation).
const HAN = /[\u3400-\u9fff]/g;

/** The Chinese and the English message of a key say the same thing twice in one of them ("确认导入 Import" beside
 * "Import"): the other message, less the words of its own language, stands whole inside it. */
export function bothLanguages(zhText: string, enText: string): boolean {
  if (zhText === enText) return false; // a name or a format the same in both (CSV, JSON-LD)
  const core = (s: string) => s.replace(/[\s()（）·—–:：,，.。]+/g, ' ').trim();
  const enWords = core(enText.replace(HAN, ''));
  const zhWords = core(zhText.replace(/[A-Za-z]+/g, ''));
  return (/[A-Za-z]{3}/.test(enWords) && zhText.includes(enWords)) || (/[\u3400-\u9fff]/.test(zhWords) && enText.includes(zhWords));
}

// The product's name is given in both scripts on purpose, where the browser lists extensions.
const NAMED_TWICE = new Set(['extName']);

describe('the locale files', () => {
  it('hold the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('write Chinese with full-width , : ( ) ; ?', () => {
    const wrong = Object.entries(zh).flatMap(([key, { message }]) => halfWidthInChinese(message).map((at) => `${key}: ${at}`));
    expect(wrong).toEqual([]);
  });

  it('give each message in one language, not both', () => {
    const mixed = Object.keys(zh).filter((key) => !NAMED_TWICE.has(key) && bothLanguages(zh[key].message, en[key]?.message ?? ''));
    expect(mixed).toEqual([]);
  });

  it('finds what it looks for', () => {
    expect(halfWidthInChinese('此页面不是报告或公文,批注保持安静')).toHaveLength(1);
    expect(halfWidthInChinese('备注(可选)')).toHaveLength(2);
    expect(halfWidthInChinese('提到 $1 次:')).toHaveLength(1);
    expect(halfWidthInChinese('Alt+Shift+A (or right-click); 1,200')).toEqual([]);
    expect(bothLanguages('确认导入 Import', 'Import 确认导入')).toBe(true);
    expect(bothLanguages('确认导入 Import', 'Import')).toBe(true);
    expect(bothLanguages('确认导入', 'Import 确认导入')).toBe(true);
    expect(bothLanguages('确认导入', 'Import')).toBe(false);
    expect(bothLanguages('导出 CSV', 'Export CSV')).toBe(false);
    expect(bothLanguages('CSV', 'CSV')).toBe(false);
  });
});
