// The ids of records made here: `urn:uuid:` IRIs (stable, global, valid W3C ids).
import { randomUuid } from './uuid';

export function newAnnotationId(): string {
  return `urn:uuid:${randomUuid()}`;
}
