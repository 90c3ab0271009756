// Long work in slices, so that the page stays responsive. A task of ours must stay well under 50 ms (a long task) on
// any machine, and a scan should yield as seldom as that allows: every yield lets the page's own tasks and rendering
// in, and the reader waits through those too. So a slice is not a fixed number of nodes or characters. Each kind of
// work is metered as it runs, and a slice takes as many units as fit in a few milliseconds at the rate that work has
// really been going (on a busy two-core machine the rate is slower, and the slices shrink with it); a task goes on
// slice after slice while its budget lasts, and the budget itself gives way when slices run past their predictions.

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the main thread back to the page (input, rendering) and resumes soon after. */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves when the page is idle, or after `timeoutMs` (a busy or hidden page). A scan started while the page still
 * loads shares two cores with its parsing, painting and network: the first scan of a report ran 3 to 20 ms from one
 * load to the next; begun in the page's first idle moment, it took less and varied less (scripts/bench/scan.mjs).
 */
export function idle(timeoutMs: number): Promise<void> {
  const request = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number }).requestIdleCallback;
  if (!request) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => request(() => resolve(), { timeout: timeoutMs }));
}

/** A frame that comes this soon after the one before is on time on any display (60 Hz draws one every 16.7 ms). */
const FRAME_ON_TIME_MS = 25;
/**
 * A display may draw at 30 Hz (Chrome's Energy Saver on battery, a remote desktop): a frame up to this late is on time
 * too when it keeps the pace of the quickest frame seen (STEADY). No display draws slower than 25 Hz.
 */
const SLOWEST_DISPLAY_FRAME_MS = 40;
/** How much later than the quickest frame seen a frame may come and still keep the display's pace. */
const STEADY = 1.25;
/** Frames on time in a row that tell the page's first drawing is over. */
const FRAMES_ON_TIME = 2;

type FrameRequest = (callback: (time: number) => void) => unknown;

/**
 * Resolves once the browser draws the page's frames on time, FRAMES_ON_TIME of them in a row, or after `capMs` (a
 * display slower than 25 Hz is never on time by this measure, and waits the cap). Right after a page loads, its main
 * thread is soon idle while the compositor still draws its first frames, 10 to 50 ms each in software: a scan begun
 * then shares the cores with them, and on a two-core machine both take longer. Measured on the 126 report and
 * document pages of scripts/bench/scan.mjs, with two busy processes beside the browser: begun at the first idle moment
 * (133 ms after navigation, median), scan/Readability 1.64 to 1.70; begun once frames came on time (158 to 173 ms),
 * 1.36 to 1.37. On a quiet machine, 1.51 against 1.32. (`npm run bench -- scan` before and after: 1.49 and 1.35 quiet,
 * 1.68 and 1.33 with --busy 2.)
 */
export function framesOnTime(
  capMs: number,
  frame: FrameRequest | null = (globalThis as { requestAnimationFrame?: FrameRequest }).requestAnimationFrame ?? null,
): Promise<void> {
  if (!frame) return Promise.resolve();
  return new Promise((resolve) => {
    // Past the cap, no more frames are asked for: each one asked for makes the browser draw one.
    let capped = false;
    const timer = setTimeout(() => {
      capped = true;
      resolve();
    }, capMs);
    let last = -Infinity;
    // The quickest frame before this one: the first has none to compare with.
    let quickest = Infinity;
    let inARow = 0;
    const tick = (time: number) => {
      if (capped) return;
      const since = time - last;
      const onTime = since <= FRAME_ON_TIME_MS || (since <= SLOWEST_DISPLAY_FRAME_MS && quickest < Infinity && since <= quickest * STEADY);
      inARow = onTime ? inARow + 1 : 0;
      quickest = Math.min(quickest, since);
      last = time;
      if (inARow < FRAMES_ON_TIME) {
        frame(tick);
        return;
      }
      clearTimeout(timer);
      resolve();
    };
    frame(tick);
  });
}

/**
 * Resolves when the page has settled after loading, `capMs` at most for each step: its main thread idle, its first
 * frames drawn (framesOnTime), and then idle again, so that what begins then begins outside a frame's work. A hidden
 * page draws nothing, and has no drawing to wait for.
 */
export async function settled(capMs: number): Promise<void> {
  await idle(capMs);
  if ((globalThis as { document?: Document }).document?.visibilityState !== 'hidden') await framesOnTime(capMs);
  await idle(capMs);
}

/**
 * Resolves after the browser has drawn a frame, or after `timeoutMs` when it draws none (a hidden tab): a task begun
 * then is in a frame of its own.
 */
export function afterFrame(timeoutMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const frame = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
    frame?.(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/**
 * What a task may take, ms, while slices keep to the times their meters predict. Slices do not always keep to them:
 * the machine is busy with something else, the garbage collector runs, a node costs more than most. What a slice ran
 * over its prediction lately is taken off the budget (TASK_LIMIT_MS less that overrun, at most TASK_BUDGET_MS), so
 * that a task with the same overrun still ends under the 50 ms of a long task; as slices keep time again, the
 * budget grows back. Never below MIN_BUDGET_MS: a slice must be worth the yield that ends it. The budget leaves
 * room for a pause nothing can predict inside a slice: on a page of 100,000 elements the collector's scavenges took
 * 10 to 30 ms each (scripts/bench/scan.mjs: with 30 ms the scan's longest task reached 42.6 ms there, with 24 ms 35.3).
 */
export const TASK_BUDGET_MS = 24;
export const TASK_LIMIT_MS = 34;
const MIN_BUDGET_MS = 8;
/** The least work after a task that Slicer.leaveRoom gives a frame of its own, ms (TASK_LIMIT_MS leaves 10 ms to spare). */
const MIN_WORK_OF_ITS_OWN_MS = 2;
/**
 * The most a slice is sized to take, ms. A task is checked against its budget between slices only, so a slice that
 * takes three times its prediction (a burst of load, a collection of garbage) overruns the budget by at most twice this.
 */
const SLICE_MS = 6;
/**
 * What a step over a page's whole text that cannot be sliced costs at most, ms per character: a regex, a join, a
 * count. Measured at 1.5 to 3 ms for each such step of a 1 MB report's scan on a quiet machine; three times that,
 * for a busy one. What such a step reserves of a task's budget (Slicer.reserve).
 */
export const UNSLICED_MS_PER_CHAR = 0.00001;
/**
 * The cost of one kind of work per unit (a node walked, a character read, a range built), learnt as it runs. Until it
 * has measured, a meter does not trust its guess: slices start small and at most quadruple from one to the next, so a
 * guess that was too hopeful costs one small slice, not a long task.
 */
export class Meter {
  private msPerUnit: number;
  private ceiling = 32;
  /** Whether the rate comes from a measurement rather than the first guess. */
  measured = false;

  /** `firstGuess`: ms per unit before anything was measured. */
  constructor(firstGuess: number) {
    this.msPerUnit = firstGuess;
  }

  /** How many units fit in `ms` at the rate seen so far (0 when none does). */
  fit(ms: number): number {
    return Math.max(0, Math.floor(ms / this.msPerUnit));
  }

  /** How long `units` should take at the rate seen so far, ms. */
  estimate(units: number): number {
    return units * this.msPerUnit;
  }

  /** The size of a slice for `ms`: what fits, but no more than four times the largest slice measured (32 at first). */
  slice(ms: number): number {
    return Math.min(this.ceiling, this.fit(ms));
  }

  /** Learns from `units` done in `ms`. */
  record(units: number, ms: number): void {
    this.ceiling = Math.max(this.ceiling, units * 4);
    // Below the clock's resolution (0.1 ms in a page) nothing can be learnt about the rate.
    if (units <= 0 || ms < 0.2) return;
    const rate = ms / units;
    if (!this.measured) {
      // The first measurement replaces the guess, whatever the guess was.
      this.measured = true;
      this.msPerUnit = rate;
      return;
    }
    // Slower work is believed at once (a slice must not overrun), up to four times slower per slice: a slice that
    // met a pause (the collector, the machine busy elsewhere) does not make every later one tiny. Faster work is
    // believed gradually (one quick slice may be luck).
    this.msPerUnit = rate > this.msPerUnit ? Math.min(rate, this.msPerUnit * 4) : this.msPerUnit * 0.6 + rate * 0.4;
  }
}

export class Slicer {
  private taskStart: number;
  /** How far past their predicted times slices have been running lately, ms. */
  private overrun = 0;
  /** The longest task so far, ms (as far as this slicer saw it: from a task's start to its yield). */
  private longest = 0;

  constructor(
    private readonly targetMs = TASK_BUDGET_MS,
    private readonly yieldToPage: () => Promise<void> = pause,
    private readonly now: () => number = () => performance.now(),
    private readonly toNextFrame: () => Promise<void> = afterFrame,
  ) {
    this.taskStart = now();
  }

  /** A slicer that never yields: for tests, and for work that is small by construction. */
  static unsliced(): Slicer {
    return new Slicer(Infinity, async () => {});
  }

  /** This task's budget, ms: the target, or less when slices have lately run past their predictions. */
  budget(): number {
    if (this.targetMs === Infinity) return Infinity;
    return Math.max(Math.min(MIN_BUDGET_MS, this.targetMs), Math.min(this.targetMs, TASK_LIMIT_MS - this.overrun));
  }

  /** ms left in the current task. */
  left(): number {
    return this.budget() - (this.now() - this.taskStart);
  }

  /** Ends the current task: the page runs, then a new task (with a whole budget) begins. */
  next(): Promise<void> {
    return this.endTask(this.yieldToPage);
  }

  /** Ends the current task, noting how long it took, and begins the next once `resume` resolves. */
  private async endTask(resume: () => Promise<void>): Promise<void> {
    this.longest = Math.max(this.longest, this.now() - this.taskStart);
    await resume();
    this.taskStart = this.now();
  }

  /**
   * Leaves room for work the browser does once this task ends, `ms` of it, such as drawing highlights just
   * registered: the browser reckons a frame's drawing with its longest task, so when this task and that work would
   * together pass TASK_LIMIT_MS, this task ends here and the next one begins in a frame of its own. Not for less
   * than MIN_WORK_OF_ITS_OWN_MS: a frame's wait (up to 17 ms) would take a small page's highlights away from a task
   * that ran long only because the machine was busy, and save that frame next to nothing.
   */
  async leaveRoom(ms: number): Promise<void> {
    if (this.targetMs === Infinity || ms < MIN_WORK_OF_ITS_OWN_MS || this.now() - this.taskStart + ms <= TASK_LIMIT_MS) return;
    await this.endTask(this.toNextFrame);
  }

  /**
   * Ends the task here unless `ms` are left in its budget: a step that cannot be cut into slices (a regex or a join over
   * the whole text) begins with room for it, instead of after a task's worth of slices.
   */
  async reserve(ms: number): Promise<void> {
    if (this.targetMs !== Infinity && this.left() < ms) await this.next();
  }

  /**
   * A pause for work that cuts itself into small steps and calls this between them (indicator naming): it yields
   * only once this task's budget is spent, so small steps share one task.
   */
  readonly pause = (): Promise<void> => (this.left() > 0 ? Promise.resolve() : this.next());

  /** The longest of this slicer's tasks so far, the current one included, ms. */
  longestTask(): number {
    return Math.max(this.longest, this.now() - this.taskStart);
  }

  /**
   * How many units of `meter`'s work to do now. When fewer than `min` fit in what is left of this task, yields first:
   * `min` keeps slices from being so small that the bookkeeping costs more than the work. A slice is never sized
   * beyond what its few milliseconds hold, though, even when that is less than `min`; at least one unit, so that work
   * goes on when a single unit is dearer than a whole budget.
   */
  async room(meter: Meter, min = 1): Promise<number> {
    if (meter.fit(this.left()) < min) await this.next();
    return Math.max(1, meter.slice(Math.min(this.left(), SLICE_MS)));
  }

  /** Runs `work`, which does `units` units of `meter`'s work, and lets the meter and the budget learn from it. */
  measure<T>(meter: Meter, units: number, work: () => T): T {
    // A first guess predicts nothing (and the first slices of a kind pay for compiling its code): only a rate that
    // was measured can be overrun.
    const predicted = meter.measured ? meter.estimate(units) : NaN;
    const start = this.now();
    const result = work();
    const took = this.now() - start;
    meter.record(units, took);
    if (predicted === predicted) {
      const over = Math.max(0, took - predicted);
      // As with rates: a larger overrun is believed at once, calm returns gradually.
      this.overrun = over > this.overrun ? over : this.overrun * 0.8 + over * 0.2;
    }
    return result;
  }

  /** Calls `each` for every item, in slices. */
  async forEach<T>(items: readonly T[], meter: Meter, each: (item: T, index: number) => void, min = 16): Promise<void> {
    for (let i = 0; i < items.length; ) {
      const end = Math.min(items.length, i + (await this.room(meter, min)));
      const from = i;
      this.measure(meter, end - from, () => {
        for (; i < end; i++) each(items[i], i);
      });
    }
  }
}
