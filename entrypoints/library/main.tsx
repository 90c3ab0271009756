import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/library/library.css';
import { onCodebookWritten } from '../../library/codebook-changes';
import { teamApi } from '../../library/team-api';
import { emitToAllTabs } from '../../messaging';
import { PizhuDB } from '../../storage/db';

const db = new PizhuDB();
// Open reports redraw with the codebook as it is edited here.
onCodebookWritten(db.name, () => void emitToAllTabs('codebook:changed'));
// The benchmark's hook exists only in its own build (`wxt build --mode bench`, scripts/bench/library.mjs).
if (import.meta.env.MODE === 'bench' && new URLSearchParams(location.search).get('bench') === '1') {
  void import('../../library/bench-hook').then(({ installBenchHook }) => installBenchHook(db));
}
render(<LibraryApp db={db} team={teamApi} onAnnotationsStored={(pages) => void emitToAllTabs('annotations:stored', { pages })} />, document.getElementById('app')!);
