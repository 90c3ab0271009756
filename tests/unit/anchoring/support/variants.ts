// Edited versions of a page's text, each built around one annotated passage, as a later visit might find the page.
import { EditedText, type Span } from './edited-text';
import { pick, randInt, type Rng } from './prng';

export type VariantKind = 'elsewhere' | 'passage' | 'whitespace' | 'context' | 'deleted' | 'all-but-deleted';

const CJK = /[\u4e00-\u9fff]/;

/** A CJK character of `text`, as a stand-in for what an editor types. */
function randomChar(rng: Rng, text: string): string {
  for (;;) {
    const c = text[randInt(rng, 0, text.length - 1)];
    if (CJK.test(c)) return c;
  }
}

/** A position at which to insert that is not inside the passage. */
function positionOutside(rng: Rng, e: EditedText): number {
  for (;;) {
    const at = randInt(rng, 0, e.text.length);
    if (at <= e.passage.start || at >= e.passage.end) return at;
  }
}

/** (a) Sentences from another page inserted, and stretches of text removed, away from the passage. */
function editElsewhere(rng: Rng, e: EditedText, foreign: string): void {
  for (let i = 0; i < 2; i++) {
    const from = randInt(rng, 0, foreign.length - 120);
    e.replace(positionOutside(rng, e), 0, foreign.slice(from, from + randInt(rng, 20, 120)));
  }
  for (let i = 0, tries = 0; i < 2 && tries < 1000; tries++) {
    const length = randInt(rng, 5, 120);
    const at = randInt(rng, 0, e.text.length - length);
    if (at + length <= e.passage.start || at >= e.passage.end) {
      e.replace(at, length, '');
      i++;
    }
  }
}

/** (b) One to three characters of the passage inserted, deleted or substituted. */
function editPassage(rng: Rng, e: EditedText): void {
  const edits = randInt(rng, 1, 3);
  for (let i = 0; i < edits; i++) {
    const { start, end } = e.passage;
    const op = pick(rng, ['insert', 'delete', 'substitute'] as const);
    if (op === 'insert') e.replace(randInt(rng, start + 1, end - 1), 0, randomChar(rng, e.text));
    else if (op === 'delete' && end - start > 4) e.replace(randInt(rng, start, end - 1), 1, '');
    else e.replace(randInt(rng, start, end - 1), 1, randomChar(rng, e.text));
  }
}

/** (c) Indents, line breaks and spaces changed throughout, and line breaks added inside the passage. */
function editWhitespace(rng: Rng, e: EditedText): void {
  for (let at = e.text.length - 1; at >= 0; at--) {
    const c = e.text[at];
    if (c === '\u3000') e.replace(at, 1, pick(rng, ['', ' ', '\u00a0', '\u3000\u3000']));
    else if (c === '\n') e.replace(at, 1, pick(rng, ['\n\n', '\r\n', '\n \u00a0', ' ']));
  }
  for (let i = 0; i < 3; i++) {
    const { start, end } = e.passage;
    if (end - start > 2) e.replace(randInt(rng, start + 1, end - 1), 0, pick(rng, ['\n', ' ', '\n\u3000\u3000']));
  }
  for (let i = 0; i < 5; i++) e.replace(positionOutside(rng, e), 0, pick(rng, ['\n', '  ', '\u00a0']));
}

/** (d) One to three characters changed in the 32 characters on each side of the passage. */
function editContext(rng: Rng, e: EditedText): void {
  for (const side of ['before', 'after'] as const) {
    const edits = randInt(rng, 1, 3);
    for (let i = 0; i < edits; i++) {
      const { start, end } = e.passage;
      const lo = side === 'before' ? Math.max(0, start - 32) : end;
      const hi = side === 'before' ? start : Math.min(e.text.length, end + 32);
      if (hi <= lo) continue;
      const at = randInt(rng, lo, hi - 1);
      const op = pick(rng, ['insert', 'delete', 'substitute'] as const);
      if (op === 'insert') e.replace(at, 0, randomChar(rng, e.text));
      else e.replace(at, 1, op === 'delete' ? '' : randomChar(rng, e.text));
    }
  }
}

export function makeVariant(kind: VariantKind, rng: Rng, text: string, passage: Span, foreign: string): EditedText {
  const e = new EditedText(text, passage);
  if (kind === 'elsewhere') editElsewhere(rng, e, foreign);
  else if (kind === 'passage') editPassage(rng, e);
  else if (kind === 'whitespace') editWhitespace(rng, e);
  else if (kind === 'context') editContext(rng, e);
  else if (kind === 'deleted') e.replace(passage.start, passage.end - passage.start, '');
  else {
    editElsewhere(rng, e, foreign);
    editContext(rng, e);
    editPassage(rng, e);
    editWhitespace(rng, e);
  }
  return e;
}
