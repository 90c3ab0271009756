// The agreement table: for all terms pooled and then each term, for each kind of unit, percent agreement, κ (Cohen's
// for two coders, Fleiss' for more) and Krippendorff's α, each cell with its working as a tooltip, and the counts
// behind the row a click away (Counts).
import { useState } from 'preact/hooks';
import { figuresFor, type AgreementReport } from '../../../agreement';
import type { Term } from '../../../model';
import { L } from '../strings';
import { Counts } from './Counts';
import { byLabel, figure, heat, termLabel, unitLabel } from './format';

interface Props {
  report: AgreementReport;
  terms: ReadonlyMap<string, Term>;
}

export function FiguresTable({ report, terms }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const kappa = L(report.coders.length === 2 ? 'AgrKappaCohen' : 'AgrKappaFleiss');

  return (
    <table class="agr-table" aria-label={L('AgrTableLabel')}>
      <thead>
        <tr>
          <th scope="col">{L('AgrColUnit')}</th>
          <th scope="col">{L('AgrColPercent')}</th>
          <th scope="col">{kappa}</th>
          <th scope="col">{L('AgrColAlpha')}</th>
          <th scope="col">
            <span class="agr-sr">{L('AgrCounts')}</span>
          </th>
        </tr>
      </thead>
      {[null, ...byLabel(terms, report.terms)].map((term) => (
        <tbody key={term ?? 'all'} data-term={term ?? 'all'}>
          <tr class="agr-term-row">
            <th colSpan={5} scope="rowgroup" title={term ?? undefined}>
              {termLabel(terms, term)}
            </th>
          </tr>
          {report.units.map((unit) => {
            const row = figuresFor(report, unit, term);
            if (!row) return null;
            const k = row.cohen ?? row.fleiss!;
            const key = `${term ?? 'all'} ${unit}`;
            const expanded = open.has(key);
            return [
              <tr key={unit} class="agr-row" data-term={term ?? 'all'} data-unit={unit}>
                <th scope="row">{unitLabel(unit)}</th>
                {([['agreement', row.percent], ['kappa', k], ['alpha', row.alpha]] as const).map(([name, f]) => (
                  <td key={name} data-stat={name} data-value={f.value ?? ''} title={f.working} style={{ background: heat(f.value) }}>
                    {figure(f.value)}
                  </td>
                ))}
                <td>
                  <button type="button" class="lib-link" aria-expanded={expanded} aria-label={L('AgrCountsFor', [termLabel(terms, term), unitLabel(unit)])} onClick={() => toggle(key)}>
                    {L('AgrCounts')}
                  </button>
                </td>
              </tr>,
              expanded && (
                <tr key={`${unit}-counts`} class="agr-detail">
                  <td colSpan={5}>
                    <Counts figures={row} coders={report.coders} />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      ))}
    </table>
  );
}
