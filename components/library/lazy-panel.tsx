// A tab's panel that loads when the tab is first opened, not with the library page (the Agreement, Indicators and
// Team tabs: most readers open none of them). Once loaded it stays loaded: opening the tab again shows it at once.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from './ErrorMessage';
import { bilingual, type Bilingual } from './strings';

/** The panel `load` resolves to, with `loading` said while it loads and the reason shown if it cannot be loaded. */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>, loading: () => string): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyPanel(props: P) {
    const [Panel, setPanel] = useState<ComponentType<P> | undefined>(() => loaded);
    const [error, setError] = useState<Bilingual | null>(null);

    useEffect(() => {
      if (Panel) return;
      let live = true;
      load().then(
        (component) => {
          loaded = component;
          if (live) setPanel(() => component);
        },
        (e) => live && setError(bilingual(e)),
      );
      return () => {
        live = false;
      };
    }, [Panel]);

    if (error) return <ErrorMessage error={error} />;
    if (!Panel) return <p class="lib-state" role="status" aria-busy="true">{loading()}</p>;
    return <Panel {...props} />;
  };
}
