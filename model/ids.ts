// The ids of what is made here (annotations, coders): `urn:uuid:` IRIs, stable, global and valid W3C ids.
import { randomUuid } from './uuid';

export function newUuidIri(): string {
  return `urn:uuid:${randomUuid()}`;
}
