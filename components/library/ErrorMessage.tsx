// An error as the user reads it: in the UI's language (one, not both), then the parser's details (where in the file,
// what).
import { inUiLang, uiLang } from '../i18n';
import { L, type Bilingual } from './strings';

export function ErrorMessage({ error, onDismiss }: { error: Bilingual; onDismiss?: () => void }) {
  return (
    <div class="lib-error" role="alert">
      <p lang={uiLang() === 'zh' ? 'zh-CN' : 'en'}>{inUiLang(error)}</p>
      {error.details && error.details.length > 0 && (
        <details open={error.details.length <= 3}>
          <summary>{L('Details')}</summary>
          <ul>
            {error.details.slice(0, 20).map((d) => (
              <li key={d}>
                <code>{d}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {onDismiss && (
        <button type="button" class="lib-link" onClick={onDismiss}>
          {L('Dismiss')}
        </button>
      )}
    </div>
  );
}
