// One disagreement's passage as each coder marked it, side by side: the passage (with a little text around it) and
// the coder's spans highlighted in it, then each span's terms and note. Text is always given to Preact as text,
// never as HTML: the page text and the notes come from elsewhere.
import type { CoderSide, CoderSpan, Disagreement } from '../../../agreement';
import type { Term } from '../../../model';
import { L } from '../strings';
import { termColor, termLabel } from './format';

const CONTEXT = 24;

interface Segment {
  start: number;
  end: number;
  spans: CoderSpan[];
}

/** The passage cut at every span boundary, each piece with the spans that cover it. */
export function segments(start: number, end: number, spans: readonly CoderSpan[]): Segment[] {
  const cuts = new Set([start, end]);
  for (const s of spans) {
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    out.push({ start: a, end: b, spans: spans.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

function Side({ side, name, text, item, terms }: { side: CoderSide; name: string; text: string; item: Disagreement; terms: ReadonlyMap<string, Term> }) {
  const before = text.slice(Math.max(0, item.start - CONTEXT), item.start);
  const after = text.slice(item.end, item.end + CONTEXT);
  return (
    <section class="adj-side" aria-label={name} data-coder={side.coder}>
      <h4>{name}</h4>
      <p class="adj-passage">
        {before && <span class="adj-context">{item.start > CONTEXT ? '…' : ''}{before}</span>}
        {segments(item.start, item.end, side.spans).map((seg) => {
          const words = text.slice(seg.start, seg.end);
          if (seg.spans.length === 0) return <span key={seg.start}>{words}</span>;
          const used = [...new Set(seg.spans.flatMap((s) => s.terms))];
          return (
            <mark key={seg.start} class="adj-mark" title={used.map((t) => termLabel(terms, t)).join('、')} style={{ borderColor: termColor(terms, used[0]) }}>
              {words}
            </mark>
          );
        })}
        {after && <span class="adj-context">{after}{item.end + CONTEXT < text.length ? '…' : ''}</span>}
      </p>
      {side.spans.length === 0 ? (
        <p class="lib-hint">{L('AdjNothingMarked')}</p>
      ) : (
        <ul class="adj-spans">
          {side.spans.map((s) => (
            <li key={s.annotationId}>
              <q>{text.slice(s.start, s.end)}</q>{' '}
              {s.terms.map((t) => (
                <span key={t} class={`lib-chip${item.disputed.includes(t) ? ' adj-disputed' : ''}`} style={{ borderColor: termColor(terms, t) }}>
                  {termLabel(terms, t)}
                </span>
              ))}
              {s.note && <span class="adj-note">{s.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PassageSides({ item, text, names, terms }: { item: Disagreement; text: string; names: ReadonlyMap<string, string>; terms: ReadonlyMap<string, Term> }) {
  return (
    <div class="adj-sides">
      {item.sides.map((side) => (
        <Side key={side.coder} side={side} name={names.get(side.coder) ?? side.coder} text={text} item={item} terms={terms} />
      ))}
    </div>
  );
}
