// The library's Team tab. Its panel (joining, the sync's status, conflicts side by side, whose annotations pages
// draw) loads when the tab is first opened, as the Agreement and Indicators tabs do, so that the library's first load
// does not carry it for the many who are in no team.
import { lazyPanel } from './lazy-panel';
import { L } from './strings';
import type { TeamPanelProps } from './TeamPanel';

export const TeamTab = lazyPanel<TeamPanelProps>(() => import('./TeamPanel').then((m) => m.TeamPanel), () => L('TeamLoading'));
