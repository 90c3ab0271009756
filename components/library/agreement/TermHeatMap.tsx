// Every term at a glance: one row per term (all terms pooled first), its κ and α for each kind of unit as coloured
// cells — red where coders disagree, green where they agree — with a bar of the value in each, so that a term the
// team codes differently stands out before anyone reads a number.
import { figuresFor, type AgreementReport } from '../../../agreement';
import type { Term } from '../../../model';
import { L } from '../strings';
import { byLabel, figure, heat, termLabel, unitLabel } from './format';

function Cell({ value, label }: { value: number | null; label: string }) {
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <td class="agr-heat" style={{ background: heat(value) }} aria-label={`${label} ${figure(value)}`} data-value={value ?? ''}>
      <span class="agr-bar" style={{ width: `${width}%` }} />
      <span class="agr-heat-value">{figure(value)}</span>
    </td>
  );
}

export function TermHeatMap({ report, terms }: { report: AgreementReport; terms: ReadonlyMap<string, Term> }) {
  const kappa = L(report.coders.length === 2 ? 'AgrKappaCohen' : 'AgrKappaFleiss');
  return (
    <section class="agr-chart" aria-labelledby="agr-chart-h">
      <h3 id="agr-chart-h">{L('AgrChartHeading')}</h3>
      <table class="agr-grid agr-heatmap">
        <thead>
          <tr>
            <td />
            {report.units.map((u) => <th key={u} scope="colgroup" colSpan={2}>{unitLabel(u)}</th>)}
          </tr>
          <tr>
            <th scope="col">{L('AgrTerm')}</th>
            {report.units.map((u) => [<th key={`${u}k`} scope="col">κ</th>, <th key={`${u}a`} scope="col">α</th>])}
          </tr>
        </thead>
        <tbody>
          {[null, ...byLabel(terms, report.terms)].map((t) => (
            <tr key={t ?? 'all'} data-term={t ?? 'all'}>
              <th scope="row" title={t ?? undefined}>{termLabel(terms, t)}</th>
              {report.units.map((u) => {
                const row = figuresFor(report, u, t);
                const k = row ? (row.cohen ?? row.fleiss)!.value : null;
                return [
                  <Cell key={`${u}k`} value={k} label={`${unitLabel(u)} ${kappa}`} />,
                  <Cell key={`${u}a`} value={row ? row.alpha.value : null} label={`${unitLabel(u)} α`} />,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="lib-hint">{L('AgrChartLegend')}</p>
    </section>
  );
}
