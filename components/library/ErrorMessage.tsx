// An error as the user reads it: Chinese, then English, then the parser's details (where in the file, what).
import { L, type Bilingual } from './strings';

export function ErrorMessage({ error, onDismiss }: { error: Bilingual; onDismiss?: () => void }) {
  return (
    <div class="lib-error" role="alert">
      <p lang="zh-CN">{error.zh}</p>
      <p lang="en">{error.en}</p>
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
