// Who is coding in this browser: the name every annotation made here is credited with, changeable at any time (the
// IRI stays, so that annotations made before the change follow the new name in exports).
import { useEffect, useState } from 'preact/hooks';
import type { Coder } from '../../model';
import { L } from './strings';

interface Props {
  coder: Coder | null;
  onSave: (name: string) => void;
}

export function CoderField({ coder, onSave }: Props) {
  const [name, setName] = useState(coder?.name ?? '');
  useEffect(() => setName(coder?.name ?? ''), [coder?.name]);
  const changed = name.trim() !== '' && name.trim() !== (coder?.name ?? '');
  return (
    <section class="lib-coder" aria-labelledby="lib-coder-h">
      <h2 id="lib-coder-h">{L('CoderHeading')}</h2>
      <form
        class="lib-buttons"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) onSave(name);
        }}
      >
        <label>
          <span>{L('CoderName')}</span>{' '}
          <input type="text" value={name} maxLength={256} placeholder={L('CoderUnnamed')} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!changed}>{L('CoderSave')}</button>
      </form>
      <p class="lib-hint">{L('CoderExplain', [coder?.id ?? '…'])}</p>
    </section>
  );
}
