// The side panel: what Pizhu recognised on the page, the page's annotations, and (for trainees) its structure;
// the library of every annotation is a click away.
import { useState } from 'preact/hooks';
import { useActiveTab } from './active-tab';
import { AnnotationsPanel } from './AnnotationsPanel';
import { HostAccessNotice } from './HostAccessNotice';
import { t } from './i18n';
import { OpenLibraryButton } from './library/OpenLibraryButton';
import { RecognitionPanel } from './RecognitionPanel';
import { StudyPanel } from './study/StudyPanel';

const TABS = ['recognition', 'annotations', 'study'] as const;
type Tab = (typeof TABS)[number];

export function SidePanel() {
  const tab = useActiveTab();
  const [current, setCurrent] = useState<Tab>('recognition');
  return (
    <main class="panel">
      <nav class="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={current === name} onClick={() => setCurrent(name)}>
            {t(`tab${name[0].toUpperCase()}${name.slice(1)}`)}
          </button>
        ))}
      </nav>
      {tab && <HostAccessNotice tab={tab} />}
      {!tab ? (
        <p class="state">…</p>
      ) : current === 'recognition' ? (
        <RecognitionPanel tab={tab} />
      ) : current === 'annotations' ? (
        <AnnotationsPanel tab={tab} />
      ) : (
        <StudyPanel tab={tab} />
      )}
      <footer class="panel-foot">
        <OpenLibraryButton />
      </footer>
    </main>
  );
}
