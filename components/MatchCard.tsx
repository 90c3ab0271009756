// The small card shown when a highlight is hovered or focused: what the highlighted text is, part by part; for a
// figure, also the indicator it states and its value normalised.
import type { FigureIndicator } from '../indicators/page-indicators';
import type { Match } from '../recognition/types';
import { t } from './i18n';
import { boundLabel } from './indicator-text';

/** A figure's indicator: named, still being named ('loading'), or not to be had (undefined: no row). */
export type CardIndicator = FigureIndicator | 'loading' | undefined;

const rows = (m: Match, indicator: CardIndicator): Array<[string, string]> => {
  switch (m.category) {
    case 'docno':
      return [
        [t(m.form === 'decree' ? 'cardIssuerDecree' : 'cardAgency'), m.agency],
        [t('cardYear'), m.year || '—'],
        [t('cardSerial'), m.serial],
      ];
    case 'figure': {
      const qualifier = [m.before, m.approx, m.limit, m.after].filter(Boolean).join(' / ') || '—';
      const named = indicator === 'loading' ? undefined : indicator;
      const bound = named ? boundLabel(named.value.bound) : '';
      return [
        ...(indicator ? [[t('cardIndicator'), indicator === 'loading' ? '…' : (indicator.name?.text ?? '—')] as [string, string]] : []),
        [t('cardValue'), formatValue(m.value, m.magnitude, m.number)],
        [t('cardUnit'), named ? named.value.unit : m.unit],
        [t('cardQualifier'), bound ? t('cardQualifierBound', [qualifier, bound]) : qualifier],
      ];
    }
    case 'date':
      return [[t('cardDate'), [m.year, m.month, m.day].filter((x) => x !== undefined).map((x, i) => (i ? String(x).padStart(2, '0') : String(x))).join('-')]];
  }
};

function formatValue(value: number, magnitude: string, written: string): string {
  if (!magnitude) return written;
  return `${written}${magnitude} = ${value.toLocaleString('zh-CN')}`;
}

export function MatchCard({ match, indicator }: { match: Match; indicator?: CardIndicator }) {
  const heading = t(`category_${match.category}`);
  return (
    <div class={`card ${match.category}`} role="tooltip">
      <div class="head">
        <span class="swatch" />
        {heading}
      </div>
      <div class="text">{match.text}</div>
      <dl>
        {rows(match, indicator).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
    </div>
  );
}
