// How large an annotation file the library page reads. exchange/ defaults to 50 MB (a safe bound for any caller),
// but Pizhu's own export of 100,000 annotations, the size a team's shared library reaches, is about 85 MB: the page
// must be able to read its own exports back. 200 MB leaves room for that with long notes while still refusing a
// file that would hold the text in memory several times over (text, parsed JSON, records). The size is checked
// before the file is read at all, so that a huge file costs nothing.
export const LIBRARY_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
