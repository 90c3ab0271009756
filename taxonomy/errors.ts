// Errors the taxonomy logic raises carry their user-facing message in both languages, Chinese first, so that the UI
// shows them as they are instead of mapping codes to text in a second place.

export type TaxonomyErrorCode =
  | 'not-found'
  | 'invalid-term'
  | 'cycle'
  | 'shortcut-taken'
  | 'malformed-file';

export class TaxonomyError extends Error {
  readonly code: TaxonomyErrorCode;
  readonly zh: string;
  readonly en: string;
  /** A parser's own words, shown once under the message (they are in the parser's language, not the UI's). */
  readonly details: string[];

  constructor(code: TaxonomyErrorCode, zh: string, en: string, details: string[] = []) {
    super(en);
    this.name = 'TaxonomyError';
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.details = details;
  }
}

export function malformed(zh: string, en: string, details: string[] = []): TaxonomyError {
  return new TaxonomyError('malformed-file', zh, en, details);
}
