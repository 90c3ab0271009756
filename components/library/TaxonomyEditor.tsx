// The taxonomy editor: add, rename, recolour, move (re-parent and re-order), one-key shortcuts, retire/reinstate,
// with the version shown; export as a Pizhu taxonomy file or REFI-QDA .qdc, and import a team member's file with the
// merge summary shown first and applied only on confirm. Every edit goes through TaxonomyRepository (one
// transaction each); its errors carry their own bilingual message.
import { useEffect, useState } from 'preact/hooks';
import type { Term } from '../../model';
import type { PizhuDB } from '../../storage/db';
import { TaxonomyRepository } from '../../storage/taxonomies';
import { taxonomyToJson, parseTaxonomyJson } from '../../taxonomy/json-file';
import { planMerge, type MergeSummary, type TermRef } from '../../taxonomy/merge';
import { exportQdc, importQdc } from '../../taxonomy/refi-qda';
import { descendantIds, siblings, type TaxonomyState } from '../../taxonomy/state';
import type { Placement } from '../../taxonomy/edit';
import { downloadBlob } from '../download';
import { L } from './strings';

interface Props {
  db: PizhuDB;
  onError: (error: unknown) => void;
  onMessage: (message: string) => void;
  /** Called with every term after an edit, so that the table shows new labels and colours. */
  onTermsChanged: (terms: Term[]) => void;
}

interface PendingMerge {
  fileName: string;
  incoming: TaxonomyState;
  summary: MergeSummary;
  changes: number;
}

/** Where a term can go, as a <select> value: the top of a scheme or under a term. */
function placementValue(p: { parent?: string; scheme: string }): string {
  return p.parent ? `term:${p.parent}` : `scheme:${p.scheme}`;
}

function parsePlacement(value: string): Placement {
  if (value.startsWith('term:')) return { parent: value.slice(5) };
  return { parent: null, scheme: value.slice(7) };
}

/** The file as a taxonomy state: a .qdc is XML (starts with '<'), anything else is read as a Pizhu taxonomy file. */
export async function readTaxonomyFile(text: string, current: TaxonomyState): Promise<TaxonomyState> {
  const body = text.replace(/^\ufeff/, '').trimStart();
  return body.startsWith('<') ? importQdc(body, { current }) : parseTaxonomyJson(body);
}

const SUMMARY_KEYS: (keyof MergeSummary)[] = ['added', 'renamed', 'recoloured', 'moved', 'retired', 'reinstated', 'edited', 'schemesAdded', 'shortcutsDropped', 'onlyHere'];
const SUMMARY_LABELS: Record<string, string> = {
  added: 'TaxAdded', renamed: 'TaxRenamed', recoloured: 'TaxRecoloured', moved: 'TaxMoved', retired: 'TaxRetiredList',
  reinstated: 'TaxReinstated', edited: 'TaxEdited', schemesAdded: 'TaxSchemesAdded', shortcutsDropped: 'TaxShortcutsDropped',
  onlyHere: 'TaxOnlyHere',
};

function refText(r: TermRef | { id: string; label: { zh: string; en: string } }): string {
  const notation = 'notation' in r && r.notation ? `${r.notation} ` : '';
  const from = 'from' in r && typeof r.from === 'object' && r.from ? ` ← ${(r.from as { zh: string }).zh}` : '';
  return `${notation}${r.label.zh || r.label.en}${from}`;
}

export function TaxonomyEditor({ db, onError, onMessage, onTermsChanged }: Props) {
  const repo = new TaxonomyRepository(db);
  const [state, setState] = useState<TaxonomyState | null>(null);
  const [merge, setMerge] = useState<PendingMerge | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after every edit, failed ones too: the uncontrolled inputs are re-created from the stored values.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    repo.ensureDefault().then(setState, onError);
  }, []);

  const edit = async (change: (id: string) => Promise<TaxonomyState>) => {
    if (!state) return;
    setBusy(true);
    try {
      const next = await change(state.taxonomy.id);
      setState(next);
      onTermsChanged(await db.terms.toArray());
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
      setRevision((r) => r + 1);
    }
  };

  if (!state) return <p class="lib-state">{L('Loading', ['…', '…'])}</p>;
  const { taxonomy, terms } = state;
  const schemes = [...taxonomy.schemes].sort((a, b) => a.order - b.order);
  const version = taxonomy.version;

  const exportJson = () => {
    downloadBlob(new Blob([taxonomyToJson(state)], { type: 'application/json' }), `pizhu-taxonomy-v${version}.json`);
  };
  const exportQdcFile = async () => {
    try {
      downloadBlob(new Blob([await exportQdc(state)], { type: 'application/xml' }), `pizhu-taxonomy-v${version}.qdc`);
    } catch (e) {
      onError(e);
    }
  };
  const chooseImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMerge(null);
    try {
      const incoming = await readTaxonomyFile(await file.text(), state);
      const plan = planMerge(state, incoming);
      setMerge({ fileName: file.name, incoming, summary: plan.summary, changes: plan.changes });
    } catch (e) {
      onError(e);
    }
  };
  const applyMerge = async () => {
    if (!merge) return;
    await edit(async (id) => {
      await repo.merge(id, merge.incoming);
      const next = (await repo.get(id))!;
      onMessage(L('TaxMerged', [String(next.taxonomy.version)]));
      return next;
    });
    setMerge(null);
  };

  const placements: { value: string; label: string }[] = [];
  const walk = (scheme: string, parent: string | undefined, depth: number) => {
    for (const term of siblings(terms, scheme, parent)) {
      placements.push({ value: `term:${term.id}`, label: `${'　'.repeat(depth + 1)}${term.notation} ${term.label.zh || term.label.en}` });
      walk(scheme, term.id, depth + 1);
    }
  };
  for (const s of schemes) {
    placements.push({ value: `scheme:${s.id}`, label: `${s.label.zh || s.label.en} ${L('TaxTopLevel')}` });
    walk(s.id, undefined, 0);
  }

  const rows: preact.JSX.Element[] = [];
  const renderLevel = (scheme: string, parent: string | undefined, depth: number) => {
    const list = siblings(terms, scheme, parent);
    list.forEach((term, position) => {
      const own = descendantIds(terms, term.id);
      rows.push(
        <li key={`${term.id}@${revision}`} class={term.retired ? 'lib-term retired' : 'lib-term'} data-term-id={term.id} style={{ paddingLeft: `${depth * 20}px` }}>
          <input type="color" value={term.color} aria-label={`${L('TaxColour')} ${term.notation}`} disabled={busy || term.retired}
            onChange={(e) => edit((id) => repo.recolour(id, term.id, e.currentTarget.value))} />
          <span class="lib-notation">{term.notation}</span>
          <input type="text" defaultValue={term.label.zh} aria-label={`${L('TaxLabelZh')} ${term.notation}`} disabled={busy}
            onChange={(e) => edit((id) => repo.rename(id, term.id, { zh: e.currentTarget.value }))} />
          <input type="text" defaultValue={term.label.en} aria-label={`${L('TaxLabelEn')} ${term.notation}`} disabled={busy}
            onChange={(e) => edit((id) => repo.rename(id, term.id, { en: e.currentTarget.value }))} />
          <input type="text" class="lib-shortcut" defaultValue={term.shortcut ?? ''} maxLength={2} aria-label={`${L('TaxShortcut')} ${term.notation}`}
            disabled={busy || term.retired}
            onChange={(e) => edit((id) => repo.setShortcut(id, term.id, e.currentTarget.value.trim() || undefined))} />
          <button type="button" disabled={busy || position === 0} aria-label={`${L('TaxUp')} ${term.notation}`} title={L('TaxUp')}
            onClick={() => edit((id) => repo.move(id, term.id, { parent: term.parent ?? null, scheme: term.scheme, index: position - 1 }))}>↑</button>
          <button type="button" disabled={busy || position === list.length - 1} aria-label={`${L('TaxDown')} ${term.notation}`} title={L('TaxDown')}
            onClick={() => edit((id) => repo.move(id, term.id, { parent: term.parent ?? null, scheme: term.scheme, index: position + 1 }))}>↓</button>
          <select aria-label={`${L('TaxMoveTo')} ${term.notation}`} disabled={busy} value={placementValue(term)}
            onChange={(e) => edit((id) => repo.move(id, term.id, parsePlacement(e.currentTarget.value)))}>
            {placements
              .filter((p) => p.value !== `term:${term.id}` && !(p.value.startsWith('term:') && own.has(p.value.slice(5))))
              .map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
          {term.retired ? (
            <button type="button" disabled={busy} onClick={() => edit((id) => repo.reinstate(id, term.id))}>{L('TaxReinstate')}</button>
          ) : (
            <button type="button" disabled={busy} onClick={() => edit((id) => repo.retire(id, term.id))}>{L('TaxRetire')}</button>
          )}
        </li>,
      );
      renderLevel(scheme, term.id, depth + 1);
    });
  };

  return (
    <div class="lib-taxonomy">
      <header class="lib-tax-head">
        <h2>{taxonomy.label.zh || taxonomy.label.en}</h2>
        <span class="lib-version" data-version={version}>{L('TaxVersion', [String(version)])}</span>
        <button type="button" onClick={exportJson}>{L('TaxExportPizhu')}</button>
        <button type="button" onClick={() => void exportQdcFile()}>{L('TaxExportQdc')}</button>
        <label class="lib-file">
          <span>{L('TaxImportChoose')}</span>
          <input type="file" accept=".qdc,.json,application/xml,text/xml,application/json" onChange={(e) => void chooseImport(e.currentTarget)} />
        </label>
      </header>
      {merge && (
        <div class="lib-preview" role="region" aria-label={L('TaxMergeTitle', [String(merge.changes)])}>
          <h3>{merge.fileName}: {L('TaxMergeTitle', [String(merge.changes)])}</h3>
          {merge.changes === 0 && <p>{L('TaxNoChanges')}</p>}
          <ul class="lib-summary">
            {SUMMARY_KEYS.map((key) => {
              const list = merge.summary[key] as (TermRef & { label: { zh: string; en: string } })[];
              if (list.length === 0) return null;
              return (
                <li key={key} data-summary={key}>
                  <strong>{L(SUMMARY_LABELS[key])}: {list.length}</strong>
                  {key !== 'onlyHere' && <span> — {list.slice(0, 12).map(refText).join('；')}{list.length > 12 ? '…' : ''}</span>}
                </li>
              );
            })}
            <li data-summary="unchanged">{L('TaxUnchanged')}: {merge.summary.unchanged.length}</li>
          </ul>
          <div class="lib-buttons">
            {merge.changes > 0 && (
              <button type="button" class="lib-primary" disabled={busy} onClick={() => void applyMerge()}>{L('TaxApply')}</button>
            )}
            <button type="button" onClick={() => setMerge(null)}>{L('Cancel')}</button>
          </div>
        </div>
      )}
      {schemes.map((s) => {
        rows.length = 0;
        renderLevel(s.id, undefined, 0);
        return (
          <section key={s.id} class="lib-scheme">
            <h3>{s.label.zh || s.label.en}</h3>
            <ul>{[...rows]}</ul>
          </section>
        );
      })}
      <AddTermForm placements={placements} disabled={busy}
        onAdd={(label, placement, color) =>
          edit((id) => repo.addTerm(id, {
            label,
            ...(placement.parent ? { parent: placement.parent } : { scheme: placement.scheme }),
            ...(color ? { color } : {}),
          }))
        } />
    </div>
  );
}

function AddTermForm({ placements, disabled, onAdd }: {
  placements: { value: string; label: string }[];
  disabled: boolean;
  onAdd: (label: { zh: string; en: string }, placement: Placement, color?: string) => Promise<void>;
}) {
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [where, setWhere] = useState(placements[0]?.value ?? '');
  return (
    <form class="lib-add" onSubmit={(e) => {
      e.preventDefault();
      void onAdd({ zh, en }, parsePlacement(where || placements[0].value)).then(() => {
        setZh('');
        setEn('');
      });
    }}>
      <h3>{L('TaxAdd')}</h3>
      <label><span>{L('TaxLabelZh')}</span><input type="text" value={zh} onInput={(e) => setZh(e.currentTarget.value)} /></label>
      <label><span>{L('TaxLabelEn')}</span><input type="text" value={en} onInput={(e) => setEn(e.currentTarget.value)} /></label>
      <label><span>{L('TaxParent')}</span>
        <select value={where} onChange={(e) => setWhere(e.currentTarget.value)}>
          {placements.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </label>
      <button type="submit" disabled={disabled || (!zh.trim() && !en.trim())}>{L('TaxAdd')}</button>
    </form>
  );
}
