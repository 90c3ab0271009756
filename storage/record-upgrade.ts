// Annotation records written before schema 5, brought to what Pizhu stores now: positions counted in code points
// (they were UTF-16 units, which differ only after a character outside the Basic Multilingual Plane: such a
// position is converted through the page's snapshot, or dropped when the snapshot no longer vouches for it),
// "start": -1 no longer standing for an unknown position, and ids, dates and URLs that an earlier import took from
// files without checking them made valid (exchange/record-check.ts). Used by the schema upgrade and by the restore
// of an older backup.
import { legacyPositionInCodePoints } from '../anchoring/code-points';
import { checkAnnotationRecord, type RecordCheck } from '../exchange/record-check';

export function upgradeAnnotation(raw: Record<string, unknown>, astralSnapshot: string | undefined): RecordCheck {
  const position = raw.position as { start: number; end: number } | undefined;
  const quote = raw.quote as { exact?: string } | undefined;
  if (position && astralSnapshot !== undefined && position.start >= 0) {
    const converted = legacyPositionInCodePoints(astralSnapshot, position, quote?.exact);
    raw = { ...raw, position: converted };
    if (!converted) delete raw.position;
  }
  return checkAnnotationRecord(raw);
}
