import type { Outline, OutlineKind, OutlineNode } from '../../../../study/types';

export function allNodes(o: Outline): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (n: OutlineNode) => { out.push(n); n.children.forEach(visit); };
  o.nodes.forEach(visit);
  return out;
}

export function ofKind(o: Outline, kind: OutlineKind): OutlineNode[] {
  return allNodes(o).filter((n) => n.kind === kind);
}

export function headings(o: Outline, level: number): OutlineNode[] {
  return allNodes(o).filter((n) => n.kind === 'heading' && n.level === level);
}
