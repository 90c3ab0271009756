// One long task at a time (export, import, restore), with its progress and an AbortController for its cancel
// button. A cancelled task ends quietly; any other failure becomes the page's error message.
import { useCallback, useRef, useState } from 'preact/hooks';
import type { TaskProgress } from './ProgressBar';

export interface TaskControl {
  task: TaskProgress | null;
  run<T>(label: string, work: (signal: AbortSignal, progress: (done: number, total?: number, label?: string) => void) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
}

export function useTask(onError: (error: unknown) => void, onCancelled?: () => void): TaskControl {
  const [task, setTask] = useState<TaskProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const lastPaint = useRef(0);

  const run = useCallback(async function <T>(
    label: string,
    work: (signal: AbortSignal, progress: (done: number, total?: number, label?: string) => void) => Promise<T>,
  ): Promise<T | undefined> {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    let current: TaskProgress = { label, done: 0 };
    setTask(current);
    const progress = (done: number, total?: number, next?: string) => {
      // Re-rendering on every batch of a 100,000-row task is wasted work: a few times a second is enough.
      const now = performance.now();
      const changed = next !== undefined && next !== current.label;
      current = { label: next ?? current.label, done, total: total ?? current.total };
      if (changed || now - lastPaint.current > 100) {
        lastPaint.current = now;
        setTask(current);
      }
    };
    try {
      return await work(mine.signal, progress);
    } catch (e) {
      if (mine.signal.aborted) onCancelled?.();
      else onError(e);
      return undefined;
    } finally {
      if (controller.current === mine) {
        controller.current = null;
        setTask(null);
      }
    }
  }, [onError, onCancelled]);

  const cancel = useCallback(() => controller.current?.abort(new DOMException('cancelled', 'AbortError')), []);
  return { task, run, cancel };
}
