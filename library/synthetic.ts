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
