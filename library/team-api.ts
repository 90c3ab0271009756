// The team's sync as the library page reaches it: requests to the background (which runs the sync) and its status
// events, and the choice of whose annotations pages draw (a setting).
import { background, events } from '../messaging';
import { DEFAULT_CODER_DISPLAY, type CoderDisplay } from '../model';
import { settingsItem } from '../storage/settings';
import type { Resolution } from '../sync/conflicts';
import type { ConflictView, TeamStatus } from '../sync/status';

export interface TeamApi {
  status(): Promise<TeamStatus>;
  /** Calls `listener` with each status the background announces; returns the function that stops it. */
  onStatus(listener: (status: TeamStatus) => void): () => void;
  join(input: { url: string; username?: string; password?: string }): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  conflicts(): Promise<ConflictView[]>;
  resolve(id: string, resolution: Resolution): Promise<void>;
  coderDisplay(): Promise<CoderDisplay>;
  setCoderDisplay(display: CoderDisplay): Promise<void>;
}

export const teamApi: TeamApi = {
  status: () => background.send('sync:status'),
  onStatus: (listener) => events.on('sync:status', listener),
  join: (input) => background.send('sync:join', input),
  leave: () => background.send('sync:leave'),
  conflicts: () => background.send('sync:conflicts', {}),
  resolve: (id, resolution) => background.send('sync:resolve', { id, resolution }),
  coderDisplay: async () => (await settingsItem.getValue()).coders ?? DEFAULT_CODER_DISPLAY,
  setCoderDisplay: async (coders) => settingsItem.setValue({ ...(await settingsItem.getValue()), coders }),
};
