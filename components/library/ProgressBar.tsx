// A long task's progress: a label, a <progress> (indeterminate until a total is known) and a cancel button.
import { L } from './strings';

export interface TaskProgress {
  label: string;
  done: number;
  total?: number;
}

export function ProgressBar({ task, onCancel }: { task: TaskProgress; onCancel?: () => void }) {
  const known = task.total !== undefined && task.total > 0;
  return (
    <div class="lib-progress" role="status" aria-live="polite">
      <span>
        {task.label}
        {known ? ` ${task.done.toLocaleString()} / ${task.total!.toLocaleString()}` : ''}
      </span>
      {known ? <progress max={task.total} value={task.done} /> : <progress />}
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {L('Cancel')}
        </button>
      )}
    </div>
  );
}
