// The counts behind one row of the agreement table, laid out so that each figure can be checked by hand against
// its formula (Formulas): the units and agreeing units of percent agreement, the 2 × 2 table of Cohen's κ (or the
// category totals of Fleiss' κ), the coincidence matrix of α, what each coder applied, and the working of each.
import { NO_VALUE, type AgreementFigures, type Coder, type Figure } from '../../../agreement';
import { L } from '../strings';
import { coderLabel, count, localized } from './format';

const category = (c: string | number) => L(c === 1 ? 'AgrApplied' : 'AgrNotApplied');

function Working({ f }: { f: Figure<unknown> }) {
  return (
    <p class="agr-working">
      <code>{f.working}</code>
      {f.value === null && f.reason && <span class="lib-hint"> {localized(NO_VALUE[f.reason])}</span>}
    </p>
  );
}

function Square({ categories, cells, rowHead, colHead }: { categories: readonly (string | number)[]; cells: readonly (readonly number[])[]; rowHead: string; colHead: string }) {
  return (
    <table class="agr-square">
      <thead>
        <tr>
          <th scope="col">{rowHead} \ {colHead}</th>
          {categories.map((c) => <th key={String(c)} scope="col">{category(c)}</th>)}
        </tr>
      </thead>
      <tbody>
        {cells.map((row, i) => (
          <tr key={i}>
            <th scope="row">{category(categories[i])}</th>
            {row.map((v, j) => <td key={j}>{count(v)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Counts({ figures, coders }: { figures: AgreementFigures; coders: readonly Coder[] }) {
  const { percent, cohen, fleiss, alpha } = figures;
  return (
    <div class="agr-counts">
      <section>
        <h4>{L('AgrColPercent')}</h4>
        <p>{L('AgrPercentCounts', [count(percent.counts.agreeing), count(percent.counts.units)])}</p>
        <Working f={percent} />
      </section>
      {cohen && (
        <section>
          <h4>{L('AgrKappaCohen')}</h4>
          <Square categories={cohen.counts.categories} cells={cohen.counts.table} rowHead={coderLabel(coders[0])} colHead={coderLabel(coders[1])} />
          <p>{L('AgrCohenCounts', [count(cohen.counts.n), cohen.counts.observed.toFixed(4), cohen.counts.expected.toFixed(4)])}</p>
          <Working f={cohen} />
        </section>
      )}
      {fleiss && (
        <section>
          <h4>{L('AgrKappaFleiss')}</h4>
          <p>{L('AgrFleissCounts', [count(fleiss.counts.units), String(fleiss.counts.raters), count(fleiss.counts.skipped)])}</p>
          <ul>
            {fleiss.counts.categories.map((c, j) => (
              <li key={String(c)}>{L('AgrFleissCategory', [category(c), count(fleiss.counts.totals[j]), fleiss.counts.proportions[j].toFixed(4)])}</li>
            ))}
          </ul>
          <p>{L('AgrObservedExpected', [fleiss.counts.observed.toFixed(4), fleiss.counts.expected.toFixed(4)])}</p>
          <Working f={fleiss} />
        </section>
      )}
      <section>
        <h4>{L('AgrColAlpha')}</h4>
        <Square categories={alpha.counts.categories} cells={alpha.counts.coincidence} rowHead="c" colHead="k" />
        <p>{L('AgrAlphaCounts', [count(alpha.counts.values), count(alpha.counts.units), alpha.counts.observedDisagreement.toFixed(4), alpha.counts.expectedDisagreement.toFixed(4)])}</p>
        <Working f={alpha} />
      </section>
      <section>
        <h4>{L('AgrPerCoder')}</h4>
        <ul>
          {coders.map((c, i) => (
            <li key={c.id}>{L('AgrCoderApplied', [coderLabel(c), count(figures.applied[i]), count(figures.coded[i])])}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
