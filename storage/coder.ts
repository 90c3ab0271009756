// The coder: the person using this browser's Pizhu. The IRI is made once, the first time anything asks, and never
// changes; the name is given once (joining a team gives the team's user name when there is none yet) and can be
// changed. Extension storage, not the database: a backup restore must not replace who you are.
import { storage } from '#imports';
import { randomUuid, type Coder } from '../model';

export const coderItem = storage.defineItem<Coder | null>('local:coder', { fallback: null });

const MAX_NAME = 200;

/** The coder, made (with a new IRI and no name yet) the first time it is asked for. */
export async function currentCoder(): Promise<Coder> {
  const stored = await coderItem.getValue();
  if (stored?.id) return stored;
  const coder: Coder = { id: `urn:uuid:${randomUuid()}`, name: '' };
  await coderItem.setValue(coder);
  return coder;
}

export function cleanCoderName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

export async function setCoderName(name: string): Promise<Coder> {
  const coder = { ...(await currentCoder()), name: cleanCoderName(name) };
  await coderItem.setValue(coder);
  return coder;
}
