// Indicator naming must stay linear on hostile input, like the recognisers (tests/unit/recognition/
// linear-time.test.ts): time for a text against time for a quarter of it; linear work grows ×4, quadratic ×16,
// and the bound sits at ×8. Only the naming is timed: the figures are found beforehand.
import { describe, expect, it } from 'vitest';
import { recognizeFigures } from '../../../recognition/figures';
import { nameIndicators } from '../../../indicators/naming';
import { growth } from '../../support/growth';

/** Large enough that timer noise does not decide, small enough for a unit test: pages hold far fewer figures. */
const SIZE = 1 << 18;

function repeated(unit: string, size: number, tail = ''): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
}


const HOSTILE: Array<[string, (size: number) => string]> = [
  ['figures back to back', (n) => repeated('1项', n)],
  ['figures in one endless clause', (n) => repeated('受理行政复议案件36件和', n)],
  ['a long clause before one figure', (n) => repeated('受理行政复议案件', n, '36件')],
  ['lead-ins and qualifiers', (n) => repeated('共累计依法全区', n, '超过5项')],
  ['examples before 等', (n) => repeated('组织、扶贫等', n, '20余个窗口')],
  ['quotes around figures', (n) => repeated('区级“12条”措施', n)],
  ['connectors between figures', (n) => repeated('、3项和', n)],
  ['brackets', (n) => repeated('(含新制定5件(', n)],
  ['clauses of one figure each', (n) => repeated('办结33件,', n)],
];

describe('indicator naming runs in linear time', () => {
  for (const [name, make] of HOSTILE) {
    it(`${name}: 256 KB costs less than 8× a quarter of it`, () => {
      const quarter = make(SIZE / 4);
      const full = make(SIZE);
      const quarterFigures = recognizeFigures(quarter);
      const fullFigures = recognizeFigures(full);
      const cost = growth(() => nameIndicators(quarter, quarterFigures), () => nameIndicators(full, fullFigures), 5);
      expect(cost.full).toBeLessThanOrEqual(8 * cost.quarter + 10);
    }, 30_000);
  }
});
