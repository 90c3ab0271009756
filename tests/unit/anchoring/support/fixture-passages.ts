// The fixture pages' text and the passages the acceptance test annotates in them, picked deterministically.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { PAGES_DIR as SHARED_PAGES } from '../../../support/fixtures';
import type { Span } from './edited-text';
import { randInt, shuffled, type Rng } from './prng';

const PAGES_DIR = SHARED_PAGES;
export const PAGE_FILES = [
  'zhangdian-2017-report.html',
  'jingzhou-2017-report.html',
  'datong-2023-report.html',
  'duolun-2012-report.html',
  'changqing-2018-opinion.html',
];

export function pageText(file: string): string {
  const dom = new JSDOM(readFileSync(`${PAGES_DIR}/${file}`, 'utf8'));
  return dom.window.document.body.textContent ?? '';
}

export type PassageKind = 'sentence' | 'figure' | 'phrase' | 'paragraph' | 'repeated';

export interface Passage extends Span {
  kind: PassageKind;
}

const WHITE = /\s/;

/** Trims white space off both ends of a span, as a reader's selection would be. */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && WHITE.test(text[start])) start++;
  while (end > start && WHITE.test(text[end - 1])) end--;
  return { start, end };
}

function spansOf(text: string, re: RegExp, minLength: number, maxLength: number): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const span = trimmed(text, m.index, m.index + m[0].length);
    const length = span.end - span.start;
    if (length >= minLength && length <= maxLength) out.push(span);
  }
  return out;
}

function shortPhrases(text: string, rng: Rng, count: number): Span[] {
  const out: Span[] = [];
  for (let tries = 0; out.length < count && tries < 10_000; tries++) {
    const start = randInt(rng, 0, text.length - 12);
    const end = start + randInt(rng, 6, 12);
    if (/^[\u4e00-\u9fff]/.test(text[start]) && !WHITE.test(text.slice(start, end))) out.push({ start, end });
  }
  return out;
}

/** Short phrases that occur more than once in the text, each at one of its occurrences chosen at random. */
function repeatedPhrases(text: string, rng: Rng, count: number): Span[] {
  const out: Span[] = [];
  for (let tries = 0; out.length < count && tries < 20_000; tries++) {
    const start = randInt(rng, 0, text.length - 10);
    const phrase = text.slice(start, start + randInt(rng, 4, 10));
    if (WHITE.test(phrase) || !/^[\u4e00-\u9fff]/.test(phrase)) continue;
    const occurrences: number[] = [];
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) occurrences.push(at);
    if (occurrences.length < 2) continue;
    const at = occurrences[randInt(rng, 0, occurrences.length - 1)];
    if (!out.some((s) => s.start === at)) out.push({ start: at, end: at + phrase.length });
  }
  return out;
}

/** About 40 passages of four kinds, plus `repeated` passages whose quote occurs several times. */
export function pickPassages(text: string, rng: Rng, repeated: number): Passage[] {
  const tag = (kind: PassageKind, spans: Span[], n: number): Passage[] =>
    spans.slice(0, n).map((s) => ({ ...s, kind }));
  return [
    ...tag('sentence', shuffled(rng, spansOf(text, /[^。；！？!?\n]+[。；！？!?]/g, 10, 150)), 12),
    ...tag('figure', shuffled(rng, spansOf(text, /[\u4e00-\u9fff]{2,8}\d+(?:\.\d+)?[余多]?[\u4e00-\u9fff%]{1,4}/g, 6, 40)), 8),
    ...tag('phrase', shortPhrases(text, rng, 12), 12),
    ...tag('paragraph', shuffled(rng, spansOf(text, /[^\n]+/g, 150, 5000)), 8),
    ...tag('repeated', repeatedPhrases(text, rng, repeated), repeated),
  ];
}
