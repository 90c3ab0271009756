// The reader of a stored copy (reader.html?page=<page key>[&annotation=<id>]): a page as Pizhu stored it, read
// offline. It opens the database directly, as the library does (same extension origin).
import { render } from 'preact';
import { ReaderApp } from '../../components/reader/ReaderApp';
import '../../components/panel.css';
import '../../components/reader/reader.css';
// The highlight colours of the live page (recognition, tagged passages, the outline drawn): one stylesheet for both.
import '../content/highlights.css';
import '../content/study.css';
import { readerTarget } from '../../library/reader-url';
import { PizhuDB } from '../../storage/db';

render(<ReaderApp db={new PizhuDB()} target={readerTarget(location.search)} />, document.getElementById('app')!);
