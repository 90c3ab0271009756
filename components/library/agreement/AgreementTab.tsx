// The library's Agreement tab. Its view (agreement/ with the outline that cuts a report's parts, the adjudication,
// the charts) loads when the tab is first opened, not with the library page.
import { lazyPanel } from '../lazy-panel';
import { L } from '../strings';
import type { AgreementViewProps } from './AgreementView';

export const AgreementTab = lazyPanel<AgreementViewProps>(() => import('./AgreementView').then((m) => m.AgreementView), () => L('AgrOpening'));
