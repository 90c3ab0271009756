// The coder: the person using this browser's Pizhu. The IRI is made once, the first time anything asks, and never
// changes; the name is set in the library (or at the tag picker's first use; joining a team gives the team's user name
// when there is none yet) and can be changed at any time.
// Extension storage, not the database: the background and the extension's pages read it (content scripts do not: the
// tag picker asks for the name in its own frame), and a backup restore must not replace who you are.
import { storage } from '#imports';
import { MAX_AGENT_NAME_LENGTH } from '../exchange/bounds';
import type { Coder } from '../model';
import { newUuidIri } from '../model';

export const coderItem = storage.defineItem<Coder | null>('local:coder', { fallback: null });

/** The coder, made (with a new IRI and no name yet) the first time it is asked for. */
export async function currentCoder(): Promise<Coder> {
  const stored = await coderItem.getValue();
  if (stored?.id) return stored;
  const coder: Coder = { id: newUuidIri(), name: '' };
  await coderItem.setValue(coder);
  return coder;
}

export function cleanCoderName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_AGENT_NAME_LENGTH);
}

export async function setCoderName(name: string): Promise<Coder> {
  const coder = { ...(await currentCoder()), name: cleanCoderName(name) };
  await coderItem.setValue(coder);
  return coder;
}
