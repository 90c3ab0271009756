// The library's Indicators tab. Its view (with recognition and indicator naming, some 50 KB) loads when the tab
// is first opened, so that the library's first load stays as it was.
import type { PizhuDB } from '../../../storage/db';
import { lazyPanel } from '../lazy-panel';
import { L } from '../strings';

export const IndicatorsTab = lazyPanel<{ db: PizhuDB }>(() => import('./IndicatorsView').then((m) => m.IndicatorsView), () => L('IndLoading'));
