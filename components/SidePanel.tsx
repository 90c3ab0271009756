// The side panel: the page's recognised items and the switches. (Annotations and study mode join it as tabs.)
import { useActiveTab } from './active-tab';
import { RecognitionPanel } from './RecognitionPanel';

export function SidePanel() {
  const tab = useActiveTab();
  return <main class="panel">{tab ? <RecognitionPanel tab={tab} /> : <p class="state">…</p>}</main>;
}
