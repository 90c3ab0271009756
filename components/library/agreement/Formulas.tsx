// Beside the table, the rules and formulas the figures follow (agreement/formulas.ts, agreement/units.ts), in the
// UI's language: what a unit is, how each statistic is computed, how "all terms" pools them, and who counts where a
// coder did not code a page. The field has known wrong implementations; these let a reader check ours by hand.
import {
  ALPHA_FORMULA, COHEN_FORMULA, FLEISS_FORMULA, MISSING_RULE, OVERALL_RULE, PERCENT_FORMULA, UNIT_RULES,
  type AgreementReport,
} from '../../../agreement';
import { L } from '../strings';
import { localized, unitLabel } from './format';

export function Formulas({ report }: { report: AgreementReport }) {
  const two = report.coders.length === 2;
  return (
    <aside class="agr-formulas" aria-labelledby="agr-formulas-h">
      <h3 id="agr-formulas-h">{L('AgrFormulasHeading')}</h3>
      <dl>
        {report.units.map((u) => [
          <dt key={`${u}-t`}>{unitLabel(u)}</dt>,
          <dd key={`${u}-d`}>{localized(UNIT_RULES[u])}</dd>,
        ])}
        <dt>{L('AgrColPercent')}</dt>
        <dd data-formula="percent">{localized(PERCENT_FORMULA)}</dd>
        <dt>{L(two ? 'AgrKappaCohen' : 'AgrKappaFleiss')}</dt>
        <dd data-formula="kappa">{localized(two ? COHEN_FORMULA : FLEISS_FORMULA)}</dd>
        <dt>{L('AgrColAlpha')}</dt>
        <dd data-formula="alpha">{localized(ALPHA_FORMULA)}</dd>
        <dt>{L('AgrAllTerms')}</dt>
        <dd>{localized(OVERALL_RULE)}</dd>
        <dt>{L('AgrMissingHeading')}</dt>
        <dd>{localized(MISSING_RULE)}</dd>
      </dl>
    </aside>
  );
}
