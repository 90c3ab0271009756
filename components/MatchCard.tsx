// The small card shown when a highlight is hovered or focused: what the highlighted text is, part by part.
import type { Match } from '../recognition/types';
import { t } from './i18n';

const rows = (m: Match): Array<[string, string]> => {
  switch (m.category) {
    case 'docno':
      return [
        [t(m.form === 'decree' ? 'cardIssuerDecree' : 'cardAgency'), m.agency],
        [t('cardYear'), m.year || '—'],
        [t('cardSerial'), m.serial],
      ];
    case 'figure': {
      const qualifier = [m.before, m.approx, m.limit, m.after].filter(Boolean).join(' / ');
      return [
        [t('cardValue'), formatValue(m.value, m.magnitude, m.number)],
        [t('cardUnit'), m.unit],
        [t('cardQualifier'), qualifier || '—'],
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

export function MatchCard({ match }: { match: Match }) {
  const heading = t(`category_${match.category}`);
  return (
    <div class={`card ${match.category}`} role="tooltip">
      <div class="head">
        <span class="swatch" />
        {heading}
      </div>
      <div class="text">{match.text}</div>
      <dl>
        {rows(match).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
    </div>
  );
}
