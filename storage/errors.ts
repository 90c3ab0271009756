// What a failed database call tells the user. Every repository call goes through `guard`, so the UI receives a
// StorageError with a stable code and a message it can show as is, Chinese first. A failed write is always a whole
// transaction rolled back: the message can say truthfully that what was saved before is safe.
import { TaxonomyError } from '../taxonomy/errors';

export type StorageErrorCode =
  | 'quota'
  | 'closed'
  | 'unavailable'
  | 'version'
  | 'invalid'
  | 'not-found'
  | 'unknown';

const MESSAGES: Record<Exclude<StorageErrorCode, 'not-found'>, { zh: string; en: string }> = {
  quota: {
    zh: '存储空间已满，这次修改没有保存；已保存的批注不受影响。请在浏览器设置中释放空间，或导出后删除旧的批注。',
    en: 'Storage is full, so this change was not saved; annotations saved before are safe. Free some space in the browser settings, or export and then delete old annotations.',
  },
  closed: {
    zh: '数据库已关闭（扩展可能刚刚更新或重新加载），这次修改没有保存。请刷新页面后重试。',
    en: 'The database is closed (the extension may just have been updated or reloaded), so this change was not saved. Reload the page and try again.',
  },
  unavailable: {
    zh: '浏览器不允许批注使用本地数据库（例如在隐私浏览模式下），无法保存批注。',
    en: 'The browser does not let Pizhu use its local database (in private browsing, for instance), so annotations cannot be saved.',
  },
  version: {
    zh: '本地数据由更新版本的批注创建，当前版本无法打开。请升级扩展。',
    en: 'The local data was written by a newer version of Pizhu and this version cannot open it. Please update the extension.',
  },
  invalid: {
    zh: '要保存的数据不完整或格式不对，这次修改没有保存；已保存的数据不受影响。',
    en: 'The data to be saved is incomplete or malformed, so this change was not saved; data saved before is safe.',
  },
  unknown: {
    zh: '保存时出现意外错误，这次修改没有保存；已保存的数据不受影响。',
    en: 'An unexpected error occurred, so this change was not saved; data saved before is safe.',
  },
};

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly zh: string;
  readonly en: string;

  constructor(code: StorageErrorCode, zh: string, en: string, options?: { cause?: unknown }) {
    super(en, options);
    this.name = 'StorageError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

export function notFound(what: { zh: string; en: string }): StorageError {
  return new StorageError('not-found', `找不到${what.zh}`, `Not found: ${what.en}`);
}

const CODES: Record<string, Exclude<StorageErrorCode, 'not-found'>> = {
  QuotaExceededError: 'quota',
  DatabaseClosedError: 'closed',
  MissingAPIError: 'unavailable',
  VersionError: 'version',
  ConstraintError: 'invalid',
  DataError: 'invalid',
  DataCloneError: 'invalid',
};

/** The most telling error inside Dexie's wrappers (AbortError → inner QuotaExceededError, BulkError → failures…). */
function codeOf(error: unknown, depth = 0): Exclude<StorageErrorCode, 'not-found'> | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const e = error as { name?: string; inner?: unknown; failures?: unknown[]; cause?: unknown };
  const own = e.name ? CODES[e.name] : undefined;
  if (own) return own;
  for (const inner of [e.inner, e.cause, ...(e.failures ?? [])]) {
    const found = codeOf(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const code = codeOf(error) ?? 'unknown';
  return new StorageError(code, MESSAGES[code].zh, MESSAGES[code].en, { cause: error });
}

/** What a repository call can throw: both carry `code`, `zh` and `en`. */
export type UserFacingError = StorageError | TaxonomyError;

export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    // A rejected taxonomy edit already says what is wrong, in words the user can act on.
    if (error instanceof TaxonomyError) throw error;
    throw toStorageError(error);
  }
}
