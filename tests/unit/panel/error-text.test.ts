// Errors that carry both languages are shown in the UI's language only.
import { describe, expect, it } from 'vitest';
import { errorText, inUiLang } from '../../../components/i18n';
import { RemoteError } from '../../../messaging/channel';
import { StorageError } from '../../../storage/errors';

describe('errorText', () => {
  it('gives a remote error in the UI’s language, not both', () => {
    const e = new RemoteError({ code: 'quota', message: 'Storage is full.', zh: '存储空间已满。', en: 'Storage is full.' });
    expect(errorText(e, 'zh')).toBe('存储空间已满。');
    expect(errorText(e, 'en')).toBe('Storage is full.');
  });

  it('does the same for a storage error and for a plain object from the wire', () => {
    const e = new StorageError('quota' as never, '存储空间已满。', 'Storage is full.');
    expect(errorText(e, 'zh')).toBe('存储空间已满。');
    expect(errorText({ zh: '出错了', en: 'Failed' }, 'en')).toBe('Failed');
  });

  it('says what any other error says', () => {
    expect(errorText(new Error('boom'), 'zh')).toBe('boom');
    expect(errorText('plain', 'en')).toBe('plain');
  });

  it('falls back to the other language when one is empty', () => {
    expect(inUiLang({ zh: '', en: 'Only English' }, 'zh')).toBe('Only English');
    expect(inUiLang({ zh: '只有中文', en: '' }, 'en')).toBe('只有中文');
  });
});
