export interface Screenshot {
  file: string;
  what: string;
}
export function takeScreenshots(options?: { out?: string; lang?: string }): Promise<Screenshot[]>;
