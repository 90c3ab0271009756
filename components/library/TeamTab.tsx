// The library's Team tab. Its panel (joining, the sync's status, conflicts side by side, whose annotations pages
// draw) loads when the tab is first opened, as the Agreement and Indicators tabs do, so that the library's first load
// does not carry it for the many who are in no team.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from './ErrorMessage';
import { bilingual, L, type Bilingual } from './strings';
import type { TeamPanelProps } from './TeamPanel';

let loaded: ComponentType<TeamPanelProps> | undefined;

export function TeamTab(props: TeamPanelProps) {
  const [Panel, setPanel] = useState<ComponentType<TeamPanelProps> | undefined>(() => loaded);
  const [error, setError] = useState<Bilingual | null>(null);

  useEffect(() => {
    if (Panel) return;
    let live = true;
    import('./TeamPanel').then(
      (m) => {
        loaded = m.TeamPanel;
        if (live) setPanel(() => m.TeamPanel);
      },
      (e) => live && setError(bilingual(e)),
    );
    return () => {
      live = false;
    };
  }, [Panel]);

  if (error) return <ErrorMessage error={error} />;
  if (!Panel) return <p class="lib-state" role="status">{L('TeamLoading')}</p>;
  return <Panel {...props} />;
}
