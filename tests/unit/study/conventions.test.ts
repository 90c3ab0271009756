// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { conventionNotes } from '../../../study/conventions';
import { outlineReport } from '../../../study/outline';
import { docNumberOf, docNumbers } from './helpers/matches';
import { sharedPage, studyPage, type Page } from './helpers/page-blocks';

function notesOf(page: Page) {
  const docnos = docNumbers(page.text);
  const outline = outlineReport({ title: page.title, blocks: page.blocks, matches: docnos });
  return conventionNotes(outline, docnos);
}

const written = (page: Page, n: { at: { start: number; end: number } }) => page.text.slice(n.at.start, n.at.end);

describe('convention notes on document numbers', () => {
  const empty = { title: '', nodes: [] };

  it('notes a year in brackets other than 〔〕 and points at the brackets', () => {
    const page = sharedPage('zhangdian-2017-report');
    const notes = notesOf(page).filter((n) => n.rule === 'docno-year-brackets');
    expect(notes.map((n) => written(page, n))).toEqual(['[2017]', '[2017]']);
    expect(notes[0].zh).toBe('按 GB/T 9704-2012，发文字号中的年份用六角括号“〔〕”括入；此处写作“[2017]”。');
  });

  it('notes 第 and zero padding in 吐临〔2020〕第00600号, but not the brackets', () => {
    const notes = conventionNotes(empty, [docNumberOf('吐临〔2020〕第00600号', '吐临', '2020', '00600')]);
    expect(notes.map((n) => [n.rule, n.at.start, n.at.end])).toEqual([
      ['docno-serial-di', 8, 9],
      ['docno-serial-padding', 9, 14],
    ]);
  });

  it('notes each bracket style that is not 〔〕 and a serial in Chinese numerals', () => {
    for (const [raw, year] of [['襄联办发【2018】1号', '2018'], ['国办发（2016）12号', '2016'], ['工信部聯信﹝2011﹞455號', '2011']]) {
      const agency = raw.slice(0, raw.search(/[【（﹝]/));
      const rules = conventionNotes(empty, [docNumberOf(raw, agency, year, raw.match(/(\d+)[号號]$/)![1])]).map((n) => n.rule);
      expect(rules).toEqual(['docno-year-brackets']);
    }
    expect(conventionNotes(empty, [docNumberOf('张政字〔2018〕八号', '张政字', '2018', '八')]).map((n) => n.rule))
      .toEqual(['docno-serial-arabic']);
  });

  it('says nothing about a number written as the standard writes it, or about a decree number', () => {
    expect(conventionNotes(empty, [docNumberOf('张政字〔2018〕8号', '张政字', '2018', '8')])).toEqual([]);
    expect(conventionNotes(empty, [docNumberOf('国务院令第699号', '国务院', '', '699', 'decree')])).toEqual([]);
  });
});

describe('convention notes on the parts of a document', () => {
  it('notes a half-width colon after the addressee', () => {
    const page = sharedPage('changqing-2018-opinion');
    const [n] = notesOf(page).filter((x) => x.rule === 'addressee-colon');
    expect(written(page, n)).toBe(':');
    expect(n.zh).toContain('全角冒号');
  });

  it('gives the Arabic form of a date written in Chinese numerals', () => {
    const page = studyPage('no-headings-report');
    const notes = notesOf(page);
    const [n] = notes.filter((x) => x.rule === 'date-arabic');
    expect(written(page, n)).toBe('二〇一八年三月七日');
    expect(n.zh).toContain('此处即“2018年3月7日”');
    expect(notes.map((x) => x.rule)).toEqual(['docno-serial-di', 'docno-serial-padding', 'date-arabic']);
  });

  it('reads a notice: brackets, colon, attachment title punctuation and a zero-padded date', () => {
    const page = studyPage('notice-attachments');
    const notes = notesOf(page);
    expect(notes.map((n) => n.rule)).toEqual([
      'docno-year-brackets', 'addressee-colon', 'attachment-name-punctuation', 'date-padding',
    ]);
    expect(notes[3].zh).toContain('此处即“2020年12月8日”');
    expect(written(page, notes[2])).toBe('。');
  });

  it('notes numbering outside the standard sequence once per form', () => {
    const page = sharedPage('jingzhou-2017-report');
    const notes = notesOf(page).filter((n) => n.rule === 'heading-numbering');
    expect(notes.map((n) => written(page, n))).toEqual(['1、', '(三)、']);
  });

  it('notes a report with no closing formula, and says it is practice, not the standard', () => {
    const page = sharedPage('zhangdian-2017-report');
    const [n] = notesOf(page).filter((x) => x.rule === 'report-closing');
    expect(n.zh).toContain('公文写作惯例');
    expect(n.at.start).toBe(n.at.end);
    expect(page.text.slice(n.at.start).startsWith('淄博市张店区人民政府')).toBe(true);
  });

  it('has no closing note for a report that closes with 特此报告 or 以上报告', () => {
    expect(notesOf(studyPage('no-headings-report')).some((n) => n.rule === 'report-closing')).toBe(false);
    expect(notesOf(studyPage('plain-headings-report')).some((n) => n.rule === 'report-closing')).toBe(false);
  });

  it('notes a 附注 written without parentheses', () => {
    const outline = {
      title: '某通知',
      nodes: [{ kind: 'publicationNote' as const, label: { zh: '', en: '' }, text: '此件公开发布', start: 40, end: 46, children: [] }],
    };
    expect(conventionNotes(outline, []).map((n) => [n.rule, n.at.start])).toEqual([['note-parentheses', 40]]);
  });
});

describe('convention notes on full-width digits', () => {
  it('reads the brackets of a number written with full-width digits', () => {
    const notes = conventionNotes({ title: '', nodes: [] }, [docNumberOf('淄政办字[２０１７]５号', '淄政办字', '2017', '５')]);
    expect(notes.map((n) => [n.rule, n.at.start, n.at.end])).toEqual([['docno-year-brackets', 4, 10]]);
  });
});
