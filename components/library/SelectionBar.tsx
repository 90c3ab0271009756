// What can be done to the rows chosen in the table: delete them, add a term to them, take a term off them.
import { byNotation, type Term } from '../../model';
import { L } from './strings';

interface Props {
  count: number;
  /** Every term, by id: those not retired are offered to add. */
  terms: ReadonlyMap<string, Term>;
  /** The terms the selected rows carry: offered to take off. */
  carried: ReadonlySet<string>;
  busy: boolean;
  onDelete: () => void;
  onAddTerm: (id: string) => void;
  onRemoveTerm: (id: string) => void;
  onClear: () => void;
}

export function SelectionBar({ count, terms, carried, busy, onDelete, onAddTerm, onRemoveTerm, onClear }: Props) {
  const all = [...terms.values()].sort(byNotation);
  const option = (term: Term) => (
    <option key={term.id} value={term.id}>
      {term.notation} {term.label.zh || term.label.en}
    </option>
  );
  return (
    <div class="lib-bulk" role="group" aria-label={L('SelectionLabel')}>
      <span>{L(count === 1 ? 'SelectedOne' : 'Selected', [count.toLocaleString()])}</span>
      <button type="button" class="lib-danger" disabled={busy} onClick={onDelete}>{L('DeleteSelected')}</button>
      <select aria-label={L('AddTerm')} disabled={busy} value="" onChange={(e) => e.currentTarget.value && onAddTerm(e.currentTarget.value)}>
        <option value="">{L('AddTerm')}</option>
        {all.filter((term) => !term.retired).map(option)}
      </select>
      <select aria-label={L('RemoveTerm')} disabled={busy} value="" onChange={(e) => e.currentTarget.value && onRemoveTerm(e.currentTarget.value)}>
        <option value="">{L('RemoveTerm')}</option>
        {all.filter((term) => carried.has(term.id)).map(option)}
      </select>
      <button type="button" class="lib-link" onClick={onClear}>{L('ClearSelection')}</button>
    </div>
  );
}
