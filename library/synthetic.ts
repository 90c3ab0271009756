// Synthetic libraries for the benchmark and the speed tests: realistic sizes and text (Chinese quotes with
// full-width punctuation, notes, several terms), deterministic so that runs compare.
import type { AnnotationRecord, PageRecord } from '../model';

const PHRASES = [
  '全面推进依法行政，加快建设法治政府',
  '行政复议案件办理质量进一步提升，纠错率为12.5%',
  '严格落实重大行政决策程序规定，全年共审查文件48件',
  '深化“放管服”改革，优化营商环境',
  '推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度',
  '加强行政规范性文件备案审查，“应备尽备”',
];

export function syntheticLibrary(count: number, pageCount: number, termIds: readonly string[]): {
  pages: PageRecord[];
  annotations: AnnotationRecord[];
} {
  const base = Date.UTC(2024, 0, 1);
  const pages: PageRecord[] = [];
  for (let p = 0; p < pageCount; p++) {
    pages.push({
      url: `https://gov${p % 50}.example.cn/zwgk/2024/report-${p}.html`,
      title: `某县${2020 + (p % 5)}年法治政府建设情况报告（第${p}号）`,
      kind: p % 3 === 0 ? 'document' : 'report',
      docNumber: `某政字〔${2020 + (p % 5)}〕${p + 1}号`,
      issuer: `某县人民政府${p % 7}`,
      published: `${2020 + (p % 5)}-03-${String(1 + (p % 28)).padStart(2, '0')}`,
      firstSeen: new Date(base).toISOString(),
      lastSeen: new Date(base).toISOString(),
    });
  }
  const annotations: AnnotationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const page = pages[i % pageCount];
    const phrase = PHRASES[i % PHRASES.length];
    const created = new Date(base + i * 60_000).toISOString();
    const terms = termIds.length ? [termIds[i % termIds.length], termIds[(i * 7 + 3) % termIds.length]] : [];
    annotations.push({
      id: `urn:uuid:00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      pageUrl: page.url,
      sourceUrl: page.url,
      quote: { exact: `${phrase}（${i}）`, prefix: '一年来，', suffix: '。二是' },
      position: { start: i % 5000, end: (i % 5000) + phrase.length },
      terms: [...new Set(terms)],
      note: i % 4 === 0 ? `第${i}条备注：与上年相比有所进步, "值得注意"` : '',
      created,
      modified: created,
    });
  }
  return { pages, annotations };
}

// Two coders' work on report pages, the agreement report's bench size (issue 15: 2 coders × 500 pages × 50
// annotations each): pages of about `pageChars` characters laid out as reports are (title, 一、 headings, （一）
// sub-headings, paragraphs of 一是/二是 points), coder A's annotations anywhere with one or two of `terms`, coder B
// mostly marking the same passage give or take a few characters (sometimes with another term), else a passage of
// their own. Seeded, so that every run (in Node, agreement's bench; in the page, the library's) measures the
// same library.
export interface CodedLibraryOptions {
  pages: number;
  perCoder: number;
  pageChars: number;
  terms: readonly string[];
  coders: readonly [{ id: string; name: string }, { id: string; name: string }];
  seed?: number;
}

/** A seeded PRNG (mulberry32): the same synthetic library, and the same test data, on every run. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMERALS = '一二三四五六七八九十';
const REPORT_PHRASES = [
  '全面推进依法行政，加快建设法治政府', '行政复议案件办理质量进一步提升，纠错率为12.5%',
  '严格落实重大行政决策程序规定，全年共审查文件48件', '深化“放管服”改革，优化营商环境',
  '推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度', '加强行政规范性文件备案审查，做到“应备尽备”',
];

function reportText(rand: () => number, p: number, pageChars: number): string {
  const lines = [`某县${2020 + (p % 5)}年法治政府建设情况报告`, '县委、县政府：', '现将我县法治政府建设情况报告如下：'];
  let size = lines.join('\n').length;
  for (let h = 0; size < pageChars; h++) {
    lines.push(`${NUMERALS[h % 10]}、${REPORT_PHRASES[h % REPORT_PHRASES.length].slice(0, 8)}`);
    for (let s = 0; s < 3 && size < pageChars; s++) {
      lines.push(`（${NUMERALS[s]}）${REPORT_PHRASES[(h + s) % REPORT_PHRASES.length].slice(0, 10)}。`);
      const points = [];
      for (let k = 0; k < 5; k++) {
        const phrase = REPORT_PHRASES[Math.floor(rand() * REPORT_PHRASES.length)];
        points.push(`${NUMERALS[k]}是${phrase}，全年完成${Math.floor(rand() * 900)}项。${REPORT_PHRASES[(k + h) % REPORT_PHRASES.length]}。`);
      }
      lines.push(points.join(''));
      size = lines.join('\n').length;
    }
  }
  lines.push('某县人民政府', `${2021 + (p % 5)}年3月1日`);
  return lines.join('\n');
}

export function syntheticCodedLibrary(options: CodedLibraryOptions): { pages: PageRecord[]; annotations: AnnotationRecord[] } {
  const { terms, coders } = options;
  const rand = seededRng(options.seed ?? 15);
  const pick = () => terms[Math.floor(rand() * terms.length)];
  const pages: PageRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  let serial = 0;
  const record = (page: PageRecord, coder: { id: string; name: string }, start: number, end: number, applied: string[]): AnnotationRecord => ({
    id: `urn:uuid:00000000-0000-4000-8000-${(serial++).toString(16).padStart(12, '0')}`,
    pageUrl: page.url,
    sourceUrl: page.url,
    quote: { exact: page.snapshot!.slice(start, end), prefix: '', suffix: '' },
    position: { start, end },
    terms: applied,
    note: '',
    creator: { id: coder.id, name: coder.name },
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
  });
  for (let p = 0; p < options.pages; p++) {
    const text = reportText(rand, p, options.pageChars);
    const page: PageRecord = {
      url: `https://gov${p % 50}.example.cn/zwgk/2024/report-${p}.html`, title: `某县法治政府建设情况报告（${p}）`, kind: 'report',
      snapshot: text, firstSeen: '', lastSeen: '',
    };
    pages.push(page);
    for (let k = 0; k < options.perCoder; k++) {
      const start = Math.floor(rand() * (text.length - 120));
      const end = start + 10 + Math.floor(rand() * 100);
      const applied = [pick()];
      if (rand() < 0.3) applied.push(pick());
      const unique = [...new Set(applied)];
      annotations.push(record(page, coders[0], start, end, unique));
      if (rand() < 0.7) {
        const s = Math.max(0, start + Math.floor(rand() * 11) - 5);
        const e = Math.min(text.length, Math.max(s + 1, end + Math.floor(rand() * 11) - 5));
        annotations.push(record(page, coders[1], s, e, rand() < 0.8 ? unique : [pick()]));
      } else {
        const s = Math.floor(rand() * (text.length - 120));
        annotations.push(record(page, coders[1], s, s + 10 + Math.floor(rand() * 100), [pick()]));
      }
    }
  }
  return { pages, annotations };
}
