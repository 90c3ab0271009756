// Coder × coder: Cohen's κ and percent agreement of every pair (agreement/report.ts coderMatrix), for one kind of
// unit and one term (all terms by default), coloured as a heat map so that the coder who differs from the others
// stands out at a glance.
import { useState } from 'preact/hooks';
import { coderMatrix, figuresFor, type AgreementReport, type UnitKind } from '../../../agreement';
import type { Term } from '../../../model';
import { L } from '../strings';
import { byLabel, coderLabel, figure, heat, termLabel, unitLabel } from './format';

export function CoderMatrix({ report, terms }: { report: AgreementReport; terms: ReadonlyMap<string, Term> }) {
  const [unit, setUnit] = useState<UnitKind>(report.units[0]);
  const [term, setTerm] = useState<string | null>(null);
  const shownUnit = report.units.includes(unit) ? unit : report.units[0];
  const shownTerm = term !== null && report.terms.includes(term) ? term : null;
  const row = figuresFor(report, shownUnit, shownTerm);
  if (!row) return null;
  const matrix = coderMatrix(row);
  return (
    <section class="agr-matrix" aria-labelledby="agr-matrix-h">
      <h3 id="agr-matrix-h">{L('AgrMatrixHeading')}</h3>
      <div class="lib-filters">
        <label>
          {L('AgrColUnit')}
          <select value={shownUnit} onChange={(e) => setUnit(e.currentTarget.value as UnitKind)}>
            {report.units.map((u) => <option key={u} value={u}>{unitLabel(u)}</option>)}
          </select>
        </label>
        <label>
          {L('AgrTerm')}
          <select value={shownTerm ?? ''} onChange={(e) => setTerm(e.currentTarget.value || null)}>
            <option value="">{L('AgrAllTerms')}</option>
            {byLabel(terms, report.terms).map((t) => <option key={t} value={t}>{termLabel(terms, t)}</option>)}
          </select>
        </label>
      </div>
      <table class="agr-grid" aria-label={L('AgrMatrixLabel', [termLabel(terms, shownTerm), unitLabel(shownUnit)])}>
        <thead>
          <tr>
            <td />
            {report.coders.map((c) => <th key={c.id} scope="col">{coderLabel(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {report.coders.map((c, i) => (
            <tr key={c.id}>
              <th scope="row">{coderLabel(c)}</th>
              {matrix[i].map((cell, j) =>
                cell === null ? (
                  <td key={j} class="agr-diagonal">—</td>
                ) : (
                  <td key={j} style={{ background: heat(cell.kappa) }} data-kappa={cell.kappa ?? ''} data-percent={cell.percent ?? ''}>
                    <strong>κ {figure(cell.kappa)}</strong>
                    <small>{L('AgrMatrixPercent', [figure(cell.percent)])}</small>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
