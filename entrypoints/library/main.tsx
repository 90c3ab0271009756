import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/library/library.css';
import { installBenchHook } from '../../library/bench-hook';
import { PizhuDB } from '../../storage/db';

const db = new PizhuDB();
// Only the benchmark (scripts/bench/library.mjs) opens the page with ?bench=1.
if (new URLSearchParams(location.search).get('bench') === '1') installBenchHook(db);
render(<LibraryApp db={db} />, document.getElementById('app')!);
