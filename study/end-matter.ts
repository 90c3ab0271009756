// What follows the body of an official document: closing formula, attachment note, signature, date of writing,
// and the note and imprint lines (（此件公开发布）, 抄送, …印发), in the order GB/T 9704-2012 lays them out.
import { CHINESE_DIGIT_CLASS } from './chinese-numerals';
import { hasCjk, slicePiece, trimmed, type Piece } from './block-text';
import { headingMarker } from './heading-markers';
import type { Block } from './types';

const DIGIT = `[0-9０-９]`;
const CN = `[${CHINESE_DIGIT_CLASS}]`;
const DATE_BODY = `(?:${DIGIT}{4}|${CN}{4})\\s*年\\s*(?:${DIGIT}{1,2}|${CN}{1,3})\\s*月\\s*(?:${DIGIT}{1,2}|${CN}{1,3})\\s*日`;
const DATE_LINE = new RegExp(`^${DATE_BODY}$`);
const DATE_AT_END = new RegExp(`${DATE_BODY}$`);

const CLOSING = new RegExp(
  '(?:特此(?:报告|報告|通知|通告|公告|函告|函复|函覆|批复|批覆|请示|請示|说明|說明|函达|函達)' +
    '|以上(?:报告|報告|意见|意見|请示|請示)(?:[，,][^。，,]{1,12})?' +
    '|妥否[，,]请批示|妥否[，,]請批示)[。.！!]?$',
);

// 附件：…, 附件1…, or 附件 alone — not a sentence that merely begins with the word (附件上传…).
const ATTACHMENT = new RegExp(`^附\\s*件(?:\\s*(?:${DIGIT}{1,2}|${CN}{1,3})\\s*[:：．.、]?|\\s*[:：]|\\s*$)`);
const ATTACHMENT_ITEM = new RegExp(`^${DIGIT}{1,2}\\s*[.．、]`);
const ITEM_IN_LINE = new RegExp(`${DIGIT}{1,2}\\s*[.．、](?!${DIGIT})`, 'g');

// 附注 (（此件公开发布）) and 版记 lines (抄送：…; the dated imprint …2018年3月8日印发).
const PUBLICATION = new RegExp(
  '^(?:[(（]此件[^)）]*[)）]|此件(?:公开|公開)(?:发布|發布)|(?:抄送|抄报|抄報)\\s*[:：].*' +
    `|.{0,40}${DIGIT}{4}\\s*年\\s*${DIGIT}{1,2}\\s*月\\s*${DIGIT}{1,2}\\s*日\\s*(?:印发|印發))$`,
);

/** A line that is nothing but a date of writing, Arabic (2018年3月7日) or old style (二〇一八年三月七日). */
export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text);
}

/** A short line naming a body: no sentence punctuation and no heading number. */
export function isSignatureLine(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && hasCjk(text) && !/[。，,；;：:！!？?、“”《》]/.test(text) &&
    headingMarker(text) === null && !isDateLine(text);
}

export function isPublicationLine(text: string): boolean {
  return PUBLICATION.test(text);
}

/** The closing formula at the end of a block (特此报告。), either the whole block or its last sentence. */
export function closingIn(block: Block): Piece | null {
  const t = trimmed(block);
  const m = CLOSING.exec(t.text);
  if (!m) return null;
  const before = t.text.slice(0, m.index);
  if (before !== '' && !/[。！!？?]\s*$/.test(before)) return null;
  const from = t.start - block.start + m.index;
  return slicePiece(block, from, t.end - block.start);
}

export interface DateAndSignature {
  date: Piece;
  dateIndex: number;
  /** Signature lines, top to bottom; empty when the date stands without one. */
  signature: Piece[];
  signatureIndex: number;
}

/** The first date line after `from`, with the signature line(s) above it or before it on the same line. */
export function findDateAndSignature(blocks: Block[], from: number): DateAndSignature | null {
  for (let i = from; i < blocks.length; i++) {
    const t = trimmed(blocks[i]);
    if (isDateLine(t.text)) {
      const signature: Piece[] = [];
      let j = i - 1;
      while (j >= from && signature.length < 2 && isSignatureLine(trimmed(blocks[j]).text)) {
        signature.unshift(trimmed(blocks[j]));
        j--;
      }
      return { date: t, dateIndex: i, signature, signatureIndex: j + 1 };
    }
    const m = DATE_AT_END.exec(t.text);
    if (m && isSignatureLine(t.text.slice(0, m.index).trim())) {
      const off = t.start - blocks[i].start;
      return {
        date: slicePiece(blocks[i], off + m.index, off + t.text.length),
        dateIndex: i,
        signature: [slicePiece(blocks[i], off, off + m.index)],
        signatureIndex: i,
      };
    }
  }
  return null;
}

export interface AttachmentNote {
  line: Piece;
  items: Piece[];
  /** Index of the last block the note takes up. */
  lastIndex: number;
}

/** An attachment note: 附件：1. … 2. …, on one line or with each further item on a line of its own. */
export function attachmentAt(blocks: Block[], i: number): AttachmentNote | null {
  const block = blocks[i];
  const t = trimmed(block);
  const head = ATTACHMENT.exec(t.text);
  if (!head || t.text.length > 200) return null;
  const off = t.start - block.start;
  const rest = t.text.slice(head[0].length);
  const items: Piece[] = [];
  const starts = [...rest.matchAll(ITEM_IN_LINE)].map((m) => m.index!).filter((k) => k === 0 || /\s/.test(rest[k - 1]));
  if (starts.length > 0 && starts[0] === 0) {
    starts.forEach((k, n) => {
      const to = n + 1 < starts.length ? starts[n + 1] : rest.length;
      items.push(slicePiece(block, off + head[0].length + k, off + head[0].length + to));
    });
  } else if (rest.trim() !== '') {
    items.push(slicePiece(block, off + head[0].length, off + t.text.length));
  }
  let last = i;
  while (last + 1 < blocks.length) {
    const next = trimmed(blocks[last + 1]);
    if (!ATTACHMENT_ITEM.test(next.text) || next.text.length > 80 || /。./.test(next.text)) break;
    items.push(next);
    last++;
  }
  return { line: t, items, lastIndex: last };
}
