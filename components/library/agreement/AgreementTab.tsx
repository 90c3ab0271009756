// The library's Agreement tab. Its view (agreement/ with the outline that cuts a report's parts, the adjudication,
// the charts) loads when the tab is first opened, not with the library page.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from '../ErrorMessage';
import { bilingual, L, type Bilingual } from '../strings';
import type { AgreementViewProps } from './AgreementView';

let loaded: ComponentType<AgreementViewProps> | undefined;

export function AgreementTab(props: AgreementViewProps) {
  const [View, setView] = useState<ComponentType<AgreementViewProps> | undefined>(() => loaded);
  const [error, setError] = useState<Bilingual | null>(null);

  useEffect(() => {
    if (View) return;
    let live = true;
    import('./AgreementView').then(
      (m) => {
        loaded = m.AgreementView;
        if (live) setView(() => m.AgreementView);
      },
      (e) => live && setError(bilingual(e)),
    );
    return () => {
      live = false;
    };
  }, [View]);

  if (error) return <ErrorMessage error={error} />;
  if (!View) return <p class="lib-state" role="status">{L('AgrOpening')}</p>;
  return <View {...props} />;
}
