// Stand-ins for the recognisers, just good enough for the pages under test: study mode takes matches as input.
import type { DocNumberMatch, FigureMatch } from '../../../../recognition/types';

const LEAD_IN = /^(?:.*?(?:根据|根據|按照|依据|依據|依照|参照|參照|印发|印發|转发|轉發|落实|落實|以及|其中|及|和|与|與|经|經))/;

export function docNumbers(text: string): DocNumberMatch[] {
  const re = /([\u3400-\u9fff]{1,12})([〔[【(（﹝])\s*(\d{4})\s*[〕\]】)）﹞]\s*(第?)\s*(\d+)\s*[号號]/g;
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(re)) {
    const agency = m[1].replace(LEAD_IN, '');
    if (!agency) continue;
    const start = m.index! + (m[1].length - agency.length);
    out.push(docNumber(text, start, m.index! + m[0].length, agency, m[3], m[5]));
  }
  return out;
}

export function docNumber(text: string, start: number, end: number, agency: string, year: string, serial: string): DocNumberMatch {
  return {
    category: 'docno', start, end, text: text.slice(start, end), form: 'document', agency, year, serial,
    serialValue: Number(serial),
  };
}

/** A document-number match standing alone, as the recognisers would report it for `raw`. */
export function docNumberOf(raw: string, agency: string, year: string, serial: string, form: DocNumberMatch['form'] = 'document'): DocNumberMatch {
  return { category: 'docno', start: 0, end: raw.length, text: raw, form, agency, year, serial, serialValue: Number(serial) };
}

const FIGURE = /(\d+(?:\.\d+)?)(万|亿)?(余|多)?(人次|平方米|万元|亿元|学时|场次|项|件|名|个|家|台|户|次|期|条|起|篇|%|人|元|场|本|处|部)/g;

export function figures(text: string): FigureMatch[] {
  return [...text.matchAll(FIGURE)].map((m) => ({
    category: 'figure', start: m.index!, end: m.index! + m[0].length, text: m[0], number: m[1],
    value: Number(m[1]) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1), magnitude: m[2] ?? '', unit: m[4],
    approx: (m[3] ?? '') as FigureMatch['approx'], limit: '', before: '', after: '',
  }));
}
