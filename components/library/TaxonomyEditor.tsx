// The taxonomy editor: add, rename, recolour, move (re-parent and re-order), one-key shortcuts, retire/reinstate,
// with the version shown and a visible "saved" after each edit; export as a Pizhu taxonomy file or REFI-QDA .qdc,
// and import a team member's file with the merge summary shown first and applied only on confirm.
//
// Built for codebooks of thousands of terms: the rows are windowed (VirtualTable), so only those in view are in the
// page, and the list of places a term can go is built only when the one place picker is opened
// (a full list in every row made 317,491 <option>s for 562 terms). Everything it does with the database and files
// goes through the TaxonomyService it is given.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Term } from '../../model';
import type { MergePreview, TaxonomyService } from '../../library/taxonomy-service';
import type { MergeSummary, TermRef } from '../../taxonomy/merge';
import type { Placement } from '../../taxonomy/edit';
import type { TaxonomyState } from '../../taxonomy/state';
import { placementOptions, treeRows, type PlacementOption, type TreeRow } from '../../taxonomy/tree';
import { downloadBlob } from '../download';
import { L } from './strings';
import { VirtualTable } from './VirtualTable';

interface Props {
  service: TaxonomyService;
  onError: (error: unknown) => void;
  onMessage: (message: string) => void;
  /** Called with the edited taxonomy's terms after an edit, so that the annotation table shows new labels and colours. */
  onTermsChanged: (terms: readonly Term[]) => void;
}

export const TERM_ROW_HEIGHT = 38;

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

const toPlacement = (option: PlacementOption): Placement =>
  option.parent ? { parent: option.parent } : { parent: null, scheme: option.scheme };

const optionLabel = (option: PlacementOption) => (option.parent ? option.label : `${option.label} ${L('TaxTopLevel')}`);

/** Who the one place picker is open for: a term being moved, or the form adding a term. */
type Picking = { for: 'move'; term: Term } | { for: 'add' };

export function TaxonomyEditor({ service, onError, onMessage, onTermsChanged }: Props) {
  const [state, setState] = useState<TaxonomyState | null>(null);
  const [merge, setMerge] = useState<MergePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [addPlace, setAddPlace] = useState<PlacementOption | null>(null);
  // Bumped after every edit, failed ones too: the uncontrolled inputs are re-created from the stored values.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    service.load().then(setState, onError);
  }, [service]);

  const rows = useMemo(() => (state ? treeRows(state) : []), [state]);
  // The list of places is built only while the picker is open; the form needs only its default, the first scheme.
  const firstScheme = rows[0]?.kind === 'scheme' ? rows[0].scheme : undefined;
  const defaultPlace: PlacementOption | undefined = firstScheme && { value: `scheme:${firstScheme.id}`, label: firstScheme.label.zh || firstScheme.label.en, scheme: firstScheme.id };

  const edit = async (change: (taxonomyId: string) => Promise<TaxonomyState>): Promise<boolean> => {
    if (!state) return false;
    setBusy(true);
    setSaved(null);
    try {
      const next = await change(state.taxonomy.id);
      setState(next);
      setSaved(next.taxonomy.version);
      onTermsChanged(next.terms);
      return true;
    } catch (e) {
      onError(e);
      return false;
    } finally {
      setBusy(false);
      setRevision((r) => r + 1);
    }
  };

  if (!state) return <p class="lib-state">{L('Loading', ['…', '…'])}</p>;
  const { taxonomy } = state;
  const version = taxonomy.version;

  const exportJson = () => {
    const { blob, name } = service.jsonFile(state);
    downloadBlob(blob, name);
  };
  const exportQdcFile = async () => {
    try {
      const { blob, name } = await service.qdcFile(state);
      downloadBlob(blob, name);
    } catch (e) {
      onError(e);
    }
  };
  const chooseImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMerge(null);
    setReading(true);
    try {
      setMerge(await service.previewMerge(file, state));
    } catch (e) {
      onError(e);
    } finally {
      setReading(false);
    }
  };
  const applyMerge = async () => {
    if (!merge) return;
    const done = await edit(async (id) => {
      const next = await service.applyMerge(id, merge.incoming);
      onMessage(L('TaxMerged', [String(next.taxonomy.version)]));
      return next;
    });
    if (done) setMerge(null);
  };

  const renderRow = (row: TreeRow, index: number, style: Record<string, string | number>) => {
    if (row.kind === 'scheme') {
      return (
        <div key={`scheme:${row.scheme.id}`} class="lib-tax-row lib-scheme-row" role="row" aria-rowindex={index + 2} style={style}>
          <div role="cell" class="lib-scheme-name">{row.scheme.label.zh || row.scheme.label.en}</div>
        </div>
      );
    }
    const { term, depth, position, siblingCount } = row;
    const move = (index: number) => edit((id) => service.move(id, term.id, { parent: term.parent ?? null, scheme: term.scheme, index }));
    return (
      <div key={`${term.id}@${revision}`} class={term.retired ? 'lib-tax-row lib-term retired' : 'lib-tax-row lib-term'} role="row" aria-rowindex={index + 2}
        data-term-id={term.id} style={style}>
        <div role="cell">
          <input type="color" value={term.color} aria-label={`${L('TaxColour')} ${term.notation}`} disabled={busy || term.retired}
            onChange={(e) => void edit((id) => service.recolour(id, term.id, e.currentTarget.value))} />
        </div>
        <div role="cell" class="lib-notation" style={{ paddingLeft: `${depth * 16}px` }}>{term.notation}</div>
        <div role="cell">
          <input type="text" defaultValue={term.label.zh} aria-label={`${L('TaxLabelZh')} ${term.notation}`} disabled={busy}
            onChange={(e) => void edit((id) => service.rename(id, term.id, { zh: e.currentTarget.value }))} />
        </div>
        <div role="cell">
          <input type="text" defaultValue={term.label.en} aria-label={`${L('TaxLabelEn')} ${term.notation}`} disabled={busy}
            onChange={(e) => void edit((id) => service.rename(id, term.id, { en: e.currentTarget.value }))} />
        </div>
        <div role="cell">
          <input type="text" class="lib-shortcut" defaultValue={term.shortcut ?? ''} maxLength={2} aria-label={`${L('TaxShortcut')} ${term.notation}`}
            disabled={busy || term.retired}
            onChange={(e) => void edit((id) => service.setShortcut(id, term.id, e.currentTarget.value.trim() || undefined))} />
        </div>
        <div role="cell" class="lib-tax-order">
          <button type="button" disabled={busy || position === 0} aria-label={`${L('TaxUp')} ${term.notation}`} title={L('TaxUp')}
            onClick={() => void move(position - 1)}>↑</button>
          <button type="button" disabled={busy || position === siblingCount - 1} aria-label={`${L('TaxDown')} ${term.notation}`} title={L('TaxDown')}
            onClick={() => void move(position + 1)}>↓</button>
        </div>
        <div role="cell">
          <button type="button" disabled={busy} aria-label={`${L('TaxMoveTo')} ${term.notation}`} aria-haspopup="dialog"
            onClick={() => setPicking({ for: 'move', term })}>{L('TaxMoveTo')}…</button>
        </div>
        <div role="cell">
          {term.retired ? (
            <button type="button" disabled={busy} onClick={() => void edit((id) => service.reinstate(id, term.id))}>{L('TaxReinstate')}</button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void edit((id) => service.retire(id, term.id))}>{L('TaxRetire')}</button>
          )}
        </div>
      </div>
    );
  };

  const header = (
    <div class="lib-tax-row lib-tax-head" role="row" aria-rowindex={1}>
      {['TaxColour', 'TaxNotation', 'TaxLabelZh', 'TaxLabelEn', 'TaxShortcut', 'TaxOrder', 'TaxParent', 'TaxInUse'].map((key) => (
        <div role="columnheader" key={key}>{L(key)}</div>
      ))}
    </div>
  );

  return (
    <div class="lib-taxonomy">
      <header class="lib-tax-head-bar">
        <h2>{taxonomy.label.zh || taxonomy.label.en}</h2>
        <span class="lib-version" data-version={version}>{L('TaxVersion', [String(version)])}</span>
        <span class="lib-saved" role="status" aria-live="polite">
          {reading ? L('StageReading') : busy ? L('TaxSaving') : saved !== null ? L('TaxSaved', [String(saved)]) : ''}
        </span>
        <button type="button" onClick={exportJson}>{L('TaxExportPizhu')}</button>
        <button type="button" onClick={() => void exportQdcFile()}>{L('TaxExportQdc')}</button>
        <label class="lib-file">
          <span>{L('TaxImportChoose')}</span>
          <input type="file" accept=".qdc,.json,application/xml,text/xml,application/json" disabled={busy || reading}
            onChange={(e) => void chooseImport(e.currentTarget)} />
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
      <VirtualTable rows={rows} rowHeight={TERM_ROW_HEIGHT} label={L('TaxTableLabel')} header={header} resetKey={taxonomy.id} renderRow={renderRow} />
      {picking && (
        <PlacePicker
          title={picking.for === 'move' ? `${L('TaxMoveTo')}: ${picking.term.notation} ${picking.term.label.zh || picking.term.label.en}` : L('TaxParent')}
          options={placementOptions(state, rows, picking.for === 'move' ? picking.term.id : undefined)}
          current={picking.for === 'move' ? (picking.term.parent ? `term:${picking.term.parent}` : `scheme:${picking.term.scheme}`) : addPlace?.value}
          onCancel={() => setPicking(null)}
          onChoose={(option) => {
            setPicking(null);
            if (picking.for === 'add') setAddPlace(option);
            else void edit((id) => service.move(id, picking.term.id, toPlacement(option)));
          }}
        />
      )}
      <AddTermForm place={addPlace ?? defaultPlace} disabled={busy} onChoosePlace={() => setPicking({ for: 'add' })}
        onAdd={(label) => {
          const place = (addPlace ?? defaultPlace)!;
          return edit((id) => service.addTerm(id, { label, ...(place.parent ? { parent: place.parent } : { scheme: place.scheme }) }));
        }} />
    </div>
  );
}

/** The one list of places, shown only while a place is being chosen. */
function PlacePicker({ title, options, current, onChoose, onCancel }: {
  title: string;
  options: PlacementOption[];
  current?: string;
  onChoose: (option: PlacementOption) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(current && options.some((o) => o.value === current) ? current : options[0]?.value ?? '');
  const list = useRef<HTMLSelectElement>(null);
  useEffect(() => list.current?.focus(), []);
  return (
    <div class="lib-preview lib-place-picker" role="dialog" aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}>
      <h3>{title}</h3>
      <select aria-label={L('TaxParent')} value={value} size={Math.min(12, options.length)} onChange={(e) => setValue(e.currentTarget.value)}
        ref={list}>
        {options.map((o) => <option key={o.value} value={o.value}>{optionLabel(o)}</option>)}
      </select>
      <div class="lib-buttons">
        <button type="button" class="lib-primary" disabled={!value}
          onClick={() => {
            const option = options.find((o) => o.value === value);
            if (option) onChoose(option);
          }}>{L('TaxPlaceChoose')}</button>
        <button type="button" onClick={onCancel}>{L('Cancel')}</button>
      </div>
    </div>
  );
}

function AddTermForm({ place, disabled, onChoosePlace, onAdd }: {
  place: PlacementOption | undefined;
  disabled: boolean;
  onChoosePlace: () => void;
  onAdd: (label: { zh: string; en: string }) => Promise<boolean>;
}) {
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  return (
    <form class="lib-add" onSubmit={(e) => {
      e.preventDefault();
      void onAdd({ zh, en }).then((added) => {
        if (!added) return;
        setZh('');
        setEn('');
      });
    }}>
      <h3>{L('TaxAdd')}</h3>
      <label><span>{L('TaxLabelZh')}</span><input type="text" value={zh} onInput={(e) => setZh(e.currentTarget.value)} /></label>
      <label><span>{L('TaxLabelEn')}</span><input type="text" value={en} onInput={(e) => setEn(e.currentTarget.value)} /></label>
      <span class="lib-add-place">
        <span>{L('TaxParent')}</span>
        <output>{place ? optionLabel(place).trim() : ''}</output>
        <button type="button" onClick={onChoosePlace} aria-haspopup="dialog">{L('TaxPlaceChange')}</button>
      </span>
      <button type="submit" disabled={disabled || !place || (!zh.trim() && !en.trim())}>{L('TaxAdd')}</button>
    </form>
  );
}
