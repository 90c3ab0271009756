// An indicator over the years, one line per place, in plain SVG: a year axis, a value axis from zero with its
// unit, each point labelled with its value, and a hollow point where the report qualifies the figure (480余名,
// 近300人). A chart library would weigh more than the whole view.
import type { ChartSeries } from '../../../library/indicator-chart';
import { valueTicks } from '../../../library/indicator-chart';
import { boundLabel, formatNumber, valueWithUnit } from '../../indicator-text';
import { L } from '../strings';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 72, right: 24, top: 28, bottom: 34 };
const COLOURS = ['#1f6feb', '#b42318', '#1a7f37', '#8250df', '#bf8700', '#0a7d91'];

interface Props {
  /** The indicator's name, for the chart's title. */
  label: string;
  series: ChartSeries[];
  years: readonly number[];
}

export function IndicatorChart({ label, series, years }: Props) {
  const drawn = series.filter((s) => s.points.length > 0);
  if (drawn.length === 0 || years.length === 0) return <p class="lib-state">{L('IndChartEmpty')}</p>;
  const unit = drawn[0].unit;
  const ticks = valueTicks(Math.max(...drawn.flatMap((s) => s.points.map((p) => p.value))));
  const top = ticks[ticks.length - 1];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (year: number) => PAD.left + ((years.indexOf(year) + 0.5) * plotW) / years.length;
  const y = (value: number) => PAD.top + plotH * (1 - value / top);
  const description = drawn
    .map((s) => `${s.issuer}: ${s.points.map((p) => `${p.year} ${p.figure}`).join('; ')}`)
    .join(' | ');

  return (
    <figure class="ind-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={L('IndChartLabel', [label, unit])} width="100%">
        <desc>{description}</desc>
        {ticks.map((v) => (
          <g key={v} class="ind-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">{formatNumber(v)}</text>
          </g>
        ))}
        <text class="ind-axis-title" x={PAD.left - 6} y={PAD.top - 12} text-anchor="end">{unit === '%' ? '%' : L('IndChartUnit', unit)}</text>
        {years.map((year) => (
          <text key={year} class="ind-year" x={x(year)} y={HEIGHT - PAD.bottom + 18} text-anchor="middle">{year}</text>
        ))}
        {drawn.map((s, i) => {
          const colour = COLOURS[i % COLOURS.length];
          // A line joins a place's points of consecutive years only: a year without a figure is a gap.
          const segments: Array<[number, number]> = [];
          for (let k = 1; k < s.points.length; k++) {
            if (years.indexOf(s.points[k].year) === years.indexOf(s.points[k - 1].year) + 1) segments.push([k - 1, k]);
          }
          return (
            <g key={s.issuer} class="ind-series" stroke={colour} data-issuer={s.issuer}>
              {segments.map(([a, b]) => (
                <line key={a} x1={x(s.points[a].year)} y1={y(s.points[a].value)} x2={x(s.points[b].year)} y2={y(s.points[b].value)} stroke-width="2" />
              ))}
              {s.points.map((p) => {
                const qualified = p.bound !== 'exact';
                return (
                  <g key={p.year} class="ind-point" data-year={p.year} data-qualified={qualified ? 'true' : undefined}>
                    <circle cx={x(p.year)} cy={y(p.value)} r="4.5" fill={colour} stroke-width="2">
                      <title>{`${s.issuer} ${p.year}: ${p.figure}${qualified ? `（${boundLabel(p.bound)}）` : ''}`}</title>
                    </circle>
                    <text x={x(p.year)} y={y(p.value) - 9} text-anchor="middle" stroke="none">
                      {valueWithUnit(p.value, s.unit)}
                      {qualified ? `（${p.qualifiers.join('')}）` : ''}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption class="lib-hint">
        {drawn.length > 1 && (
          <span class="ind-legend">
            {drawn.map((s, i) => (
              <span key={s.issuer}>
                <span class="ind-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
                {s.issuer || L('IndNoIssuer')}
              </span>
            ))}
          </span>
        )}
        {L('IndChartHollow')}
        {series.some((s) => s.otherUnit.length > 0) &&
          ` ${L('IndChartOtherUnit', series.flatMap((s) => s.otherUnit).join('、'))}`}
      </figcaption>
    </figure>
  );
}
