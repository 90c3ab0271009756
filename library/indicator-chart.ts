// What the Indicators view's chart draws: one series per place for an indicator, a point per year, on a value
// axis with round ticks from zero. Plain numbers; components/library/indicators/IndicatorChart.tsx draws them.
import type { Bound } from '../indicators';
import { cellFigure, type IndicatorRow } from './indicator-table';

export interface ChartPoint {
  year: number;
  value: number;
  bound: Bound;
  /** The qualifier words as written (余, 以上, 近): what the chart marks the point with. */
  qualifiers: string[];
  figure: string;
}

export interface ChartSeries {
  issuer: string;
  unit: string;
  points: ChartPoint[];
  /** Years the row has a figure in another unit: not drawn, but said. */
  otherUnit: number[];
}

/** The rows of one indicator (one per place) as series; years without a figure are left out (a gap). */
export function chartSeries(rows: readonly IndicatorRow[], years: readonly number[]): ChartSeries[] {
  return rows.map((row) => {
    const points: ChartPoint[] = [];
    const otherUnit: number[] = [];
    for (const year of years) {
      const cell = row.cells.get(year);
      if (!cell) continue;
      const f = cellFigure(row, cell);
      if (f.value.unit !== row.unit) otherUnit.push(year);
      else points.push({ year, value: f.value.value, bound: f.value.bound, qualifiers: f.value.qualifiers, figure: f.figure });
    }
    return { issuer: row.issuer.name, unit: row.unit, points, otherUnit };
  });
}

/**
 * Round ticks from zero to at least `max` (1, 2, 2.5 or 5 times a power of ten apart), about `count` of them.
 * A chart of counts starts at zero, so that a rise from 21 to 24 does not look like a doubling.
 */
export function valueTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  // Rounded to the step's precision: 0.1 + 0.2 must read 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(digits)));
  return ticks;
}
