// What the Indicators view reads of the database: the pages of kind report, with the issuer and the year each
// covers, and, for the reports a table needs, their figures recognised again from the stored text and named.
// A report is read from its stored text (PageRecord.snapshot, kept with a page's first annotation), never
// fetched: a report without one is listed as such, to be visited once.
import { groupKey, issuerFromTitle, nameFigures, reportYear } from '../indicators';
import type { PageRecord } from '../model';
import { linePieces } from '../recognition/pieces';
import { recognize } from '../recognition/recognize';
import { sentenceAround } from '../recognition/sentence';
import type { FigureMatch } from '../recognition/types';
import type { PizhuDB } from '../storage/db';
import { guard } from '../storage/errors';
import type { ReportFigure, StoredReport } from './indicator-table';

/** The first characters of the text say the year when the title does not (报告 opening with 2019年，…). */
const OPENING = 400;
/** Characters recognised between two pauses, as the content script's scan does. */
const PIECE = 8_000;

export function storedReport(page: PageRecord): StoredReport {
  const text = typeof page.snapshot === 'string' ? page.snapshot : '';
  return {
    url: page.url,
    title: page.title,
    // The title says who reports (北京市西城区人民政府2022年…报告); the page's 发布机构 or signature otherwise.
    issuer: issuerFromTitle(page.title) || page.issuer?.trim() || '',
    year: reportYear({ title: page.title, text: text.slice(0, OPENING), published: page.published }),
    hasText: text.trim().length > 0,
    lastSeen: page.lastSeen,
  };
}

/** Every page of kind report the library holds, read one at a time (their texts are not kept in memory). */
export async function listStoredReports(db: PizhuDB): Promise<StoredReport[]> {
  const out: StoredReport[] = [];
  await guard(() => db.pages.where('kind').equals('report').each((page) => void out.push(storedReport(page))));
  return out;
}

/** The named figures of a report's text: recognised piece by piece and named in slices, `pause` between. */
export async function reportFigures(text: string, pause: () => Promise<void> | void): Promise<ReportFigure[]> {
  const figures: FigureMatch[] = [];
  for (const [at, cut] of linePieces(text, 0, text.length, PIECE)) {
    for (const m of recognize(text.slice(at, cut))) {
      if (m.category === 'figure') figures.push({ ...m, start: m.start + at, end: m.end + at });
    }
    await pause();
  }
  const named = await nameFigures(text, figures, pause);
  return figures.flatMap((f, i): ReportFigure[] => {
    const name = named[i].name;
    if (!name) return [];
    return [{
      indicator: name.text,
      key: groupKey(name.text),
      figure: f.text,
      value: named[i].value,
      start: f.start,
      end: f.end,
      sentence: sentenceAround(text, f.start, f.end),
    }];
  });
}

/** A stored report's text, for its figures and for the stored copy the view shows; '' when none is kept. */
export async function storedText(db: PizhuDB, url: string): Promise<string> {
  const page = await guard(() => db.pages.get(url));
  return typeof page?.snapshot === 'string' ? page.snapshot : '';
}
