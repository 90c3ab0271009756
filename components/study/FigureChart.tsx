// Where the report states its figures: one bar per part (the opening, each level-1 section, and its sub-sections
// one level down, indented). CSS bars scaled to the largest part: a chart library would outweigh the panel.
import type { FigureDistribution, SectionFigures } from '../../study/figures-by-section';
import { t } from '../i18n';
import { pick, type Lang } from './lang';
import type { Reveal } from './reveal';

function Row({ row, max, lang, reveal, depth }: { row: SectionFigures; max: number; lang: Lang; reveal: Reveal; depth: number }) {
  const name = row.text || pick(row.label, lang);
  // A heading row shows its heading; the opening and body rows their whole span.
  const end = row.text ? row.start + row.text.length : row.end;
  const width = max > 0 ? (100 * row.count) / max : 0;
  return (
    <>
      <li class={`bar-row depth-${depth}`}>
        <button type="button" class="bar-name" title={name} onClick={() => reveal(row.start, end)}>{name}</button>
        <span class="bar-track" aria-hidden="true"><span class="bar" style={{ width: `${width}%` }} /></span>
        <span class="bar-count">{row.count}</span>
      </li>
      {row.children.map((c) => <Row key={c.start} row={c} max={max} lang={lang} reveal={reveal} depth={depth + 1} />)}
    </>
  );
}

export function FigureChart({ figures, lang, reveal }: { figures: FigureDistribution; lang: Lang; reveal: Reveal }) {
  if (figures.total === 0) return <p class="state quiet">{t('studyFiguresNone')}</p>;
  const max = Math.max(...figures.rows.map((r) => r.count), 0);
  return (
    <figure class="figure-chart">
      <ul class="bars" aria-label={t('studyFiguresChart')}>
        {figures.rows.map((r) => <Row key={r.start} row={r} max={max} lang={lang} reveal={reveal} depth={0} />)}
      </ul>
      <figcaption class="quiet">{t('studyFiguresSummary', [String(figures.total), String(figures.outside)])}</figcaption>
    </figure>
  );
}
