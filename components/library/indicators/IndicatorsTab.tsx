// The library's Indicators tab. Its view (with recognition and indicator naming, some 50 KB) loads when the tab
// is first opened, so that the library's first load stays as it was.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PizhuDB } from '../../../storage/db';
import { ErrorMessage } from '../ErrorMessage';
import { bilingual, L } from '../strings';

type View = ComponentType<{ db: PizhuDB }>;

export function IndicatorsTab({ db }: { db: PizhuDB }) {
  const [view, setView] = useState<{ View: View } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    import('./IndicatorsView').then((m) => setView({ View: m.IndicatorsView }), setError);
  }, []);
  if (error) return <ErrorMessage error={bilingual(error)} />;
  if (!view) return <p class="lib-state" aria-busy="true">{L('IndLoading')}</p>;
  return <view.View db={db} />;
}
