// What a page record keeps about the page it annotates: its title, kind, own document number, issuing body and
// date, read off the scan. The report's own number and its signature are found as study mode finds them.
import type { DateMatch, DocNumberMatch } from '../recognition/types';
import type { PageMetadata } from '../model';
import { findDateAndSignature } from '../study/end-matter';
import { findOwnDocNumber } from '../study/own-docno';
import type { Block } from '../study/types';
import { blocksWithText } from './layout';
import type { ScanResult } from './scan';

const ISSUER_LABEL = /(?:发布机构|發布機構|发文机关|發文機關|发文单位|發文單位)\s*[:：]?\s*$/;

function isoDate(m: DateMatch | undefined): string | undefined {
  if (!m?.year || !m.month || !m.day) return undefined;
  return `${m.year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}`;
}

export function pageFacts(scan: ScanResult, url: string): PageMetadata {
  const blocks: Block[] = blocksWithText(scan.layout);
  const docnos = scan.matches.filter((m): m is DocNumberMatch => m.category === 'docno');
  const dates = scan.matches.filter((m): m is DateMatch => m.category === 'date');
  const own = findOwnDocNumber(blocks, docnos);
  const end = findDateAndSignature(blocks, Math.max(0, blocks.length - 8));
  // The metadata block's 发布机构 cell, else the signature line.
  let issuer: string | undefined;
  for (let i = 0; i + 1 < blocks.length && !issuer; i++) {
    if (ISSUER_LABEL.test(blocks[i].text)) issuer = blocks[i + 1].text.trim() || undefined;
  }
  issuer ??= end?.signature.map((p) => p.text.trim()).join(' ') || undefined;
  const signedOn = end ? dates.find((d) => d.start >= end.date.start && d.end <= end.date.end) : undefined;
  return {
    url,
    title: scan.layout.title,
    kind: scan.kind,
    docNumber: own?.text,
    issuer,
    published: isoDate(signedOn),
  };
}
