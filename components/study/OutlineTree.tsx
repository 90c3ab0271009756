// The report's parts as a nested list, each with its conventional name; a click scrolls the page to the part.
import type { OutlineNode } from '../../study/types';
import { pick, type Lang } from './lang';
import { partClass } from '../../study/part-class';
import type { Reveal } from './reveal';

/** What a part's entry shows of its text: the first line, since an opening or a signature can run to several. */
function firstLine(text: string): string {
  const i = text.indexOf('\n');
  return i < 0 ? text : `${text.slice(0, i)}…`;
}

function Part({ node, lang, reveal }: { node: OutlineNode; lang: Lang; reveal: Reveal }) {
  const name = pick(node.label, lang);
  return (
    <li>
      <button type="button" class="part" data-kind={node.kind} data-level={node.level} title={node.text}
        onClick={() => reveal(node.start, node.end)}>
        <span class={`part-label ${partClass(node)}`}>{name}</span>
        <span class="part-text">{firstLine(node.text)}</span>
      </button>
      {node.children.length > 0 && <PartList nodes={node.children} lang={lang} reveal={reveal} />}
    </li>
  );
}

function PartList({ nodes, lang, reveal }: { nodes: OutlineNode[]; lang: Lang; reveal: Reveal }) {
  return (
    <ol class="parts">
      {nodes.map((n) => <Part key={`${n.kind}-${n.start}`} node={n} lang={lang} reveal={reveal} />)}
    </ol>
  );
}

export function OutlineTree({ nodes, lang, reveal, label }: { nodes: OutlineNode[]; lang: Lang; reveal: Reveal; label: string }) {
  return <nav class="outline" aria-label={label}><PartList nodes={nodes} lang={lang} reveal={reveal} /></nav>;
}
