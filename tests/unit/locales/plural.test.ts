// English plurals: a message about n things takes its `One` key when n is 1 (the Chinese file gives both one text),
// and messages that count several things at once say "pages: 1", which reads right for any number.
import fs from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tn } from '../../../components/i18n';

vi.mock('wxt/testing', async () => ({ fakeBrowser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.resolve(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8'));

function useLocale(messages: Messages) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
  }) as never);
}

const en = read('en');
const zh = read('zh_CN');

describe('tn', () => {
  beforeEach(() => useLocale(en));

  it('takes the singular for one and the plural otherwise, with the number written for the reader', () => {
    expect(tn('studyMentions', 1)).toBe('Mentioned once:');
    expect(tn('studyMentions', 3)).toBe('Mentioned 3 times:');
    expect(tn('libraryTaxMergeTitle', 1)).toBe('Merge preview: 1 change');
    expect(tn('libraryTaxMergeTitle', 1200)).toBe('Merge preview: 1,200 changes');
    expect(tn('libraryExportHeading', 1)).toBe('Export the 1 annotation shown');
    expect(tn('libraryAgrNPages', 0)).toBe('0 pages');
  });

  it('reads the same Chinese for one and for many', () => {
    useLocale(zh);
    expect(tn('studyMentions', 1)).toBe('提到 1 次：');
    expect(tn('studyMentions', 2)).toBe('提到 2 次：');
  });
});

describe('the English file', () => {
  it('has a plural beside every singular, and the Chinese file the same keys', () => {
    const ones = Object.keys(en).filter((k) => k.endsWith('One'));
    expect(ones.length).toBeGreaterThan(5);
    for (const k of ones) {
      expect(en[k.slice(0, -3)] ?? en[`${k.slice(0, -3)}Many`], k).toBeDefined();
      expect(zh[k], k).toBeDefined();
    }
  });

  it('puts no count before a plural noun in a message without a singular (n may be 1)', () => {
    // "On $1 pages", "$3 new terms" (`One`/`Many` or `One`/plain keys are the pattern): where a message has no One key its number must not stand before a plural noun.
    // Numbers that are never 1 are named here with why.
    const NEVER_ONE: Record<string, string> = {
      libraryIndMerged: 'a merge joins two indicators or more',
      libraryAgrFleissCounts: 'Fleiss’ kappa needs two coders or more',
      readerStudyPart: 'the first items of a long list (a constant in the hundreds)',
      readerStudyAll: 'up to the list’s cap (a constant in the thousands)',
    };
    const wrong = Object.entries(en).filter(([key, { message }]) => {
      if (key.endsWith('One') || en[`${key}One`] || en[`${key.replace(/Many$/, '')}One`] || NEVER_ONE[key]) return false;
      return /\$\d (?:[a-z]+ )?(?:annotations|pages|terms|figures|dates|items|times|changes|records|coders|units|indicators|numbers|passages)\b/.test(message);
    }).map(([key]) => key);
    expect(wrong).toEqual([]);
  });
});
