import { afterEach, describe, expect, it, vi } from 'vitest';
import { framesOnTime, Meter, Slicer, TASK_BUDGET_MS, TASK_LIMIT_MS } from '../../../page/slices';

/** A clock that only moves when the simulated work says so, and a log of every task between two yields. */
function simulation(budget: number) {
  let clock = 0;
  const tasks: number[] = [];
  let taskStart = 0;
  const slicer = new Slicer(
    budget,
    async () => {
      tasks.push(clock - taskStart);
      clock += 1; // the page's own turn
      taskStart = clock;
    },
    () => clock,
  );
  return {
    slicer,
    tasks,
    work: (ms: number) => (clock += ms),
    end: () => tasks.push(clock - taskStart),
  };
}

describe('a meter', () => {
  it('starts small and grows at most fourfold per slice until it knows the rate', () => {
    const m = new Meter(0.0001);
    expect(m.slice(10)).toBe(32);
    m.record(32, 0.1); // too quick to time: the size may still grow
    expect(m.slice(10)).toBe(128);
    m.record(128, 1.28); // 0.01 ms per unit
    expect(m.slice(10)).toBe(512);
    m.record(512, 5.12);
    expect(m.slice(10)).toBe(1000);
  });

  it('believes slower work at once (up to four times slower per slice) and faster work gradually', () => {
    const m = new Meter(0.01);
    m.record(2000, 20);
    expect(m.fit(10)).toBe(1000);
    m.record(100, 5); // 0.05 ms per unit
    expect(m.fit(10)).toBe(250); // 0.04 ms per unit: four times slower at most
    m.record(100, 5);
    expect(m.fit(10)).toBe(200);
    m.record(1000, 5); // 0.005 ms per unit: one quick slice
    expect(m.fit(10)).toBeGreaterThan(200);
    expect(m.fit(10)).toBeLessThan(2000);
  });
});

describe('a slicer', () => {
  it('keeps every task within its budget while the work gets five times slower halfway', async () => {
    const sim = simulation(25);
    const items = Array.from({ length: 20_000 }, (_, i) => i);
    await sim.slicer.forEach(items, new Meter(0.001), (i) => sim.work(i < 10_000 ? 0.01 : 0.05), 1);
    sim.end();
    // A slice is a few milliseconds at the rate seen so far: when the work slows, the slice running then overruns by
    // what the slowdown costs it (five times its 6 ms), never more; the next is sized to the new rate.
    expect(Math.max(...sim.tasks)).toBeLessThanOrEqual(25 + 5 * 6);
    expect(sim.tasks.filter((t) => t > 25 * 1.1).length).toBeLessThanOrEqual(2);
    expect(sim.tasks.slice(-5).every((t) => t <= 25)).toBe(true);
    expect(sim.slicer.longestTask()).toBe(Math.max(...sim.tasks));
  });

  it('takes what slices overran their predictions by off its budget, and lets it grow back when they keep time', () => {
    const meter = new Meter(0.01);
    let clock = 0;
    const slicer = new Slicer(TASK_BUDGET_MS, async () => {}, () => clock);
    slicer.measure(meter, 1000, () => (clock += 10)); // the first slice: nothing predicted yet
    expect(slicer.budget()).toBe(TASK_BUDGET_MS);
    slicer.measure(meter, 1000, () => (clock += 10)); // as predicted
    expect(slicer.budget()).toBe(TASK_BUDGET_MS);
    slicer.measure(meter, 1000, () => (clock += 30)); // 20 ms past the prediction: the garbage collector, say
    expect(slicer.budget()).toBe(TASK_LIMIT_MS - 20);
    for (let k = 0; k < 30; k++) slicer.measure(meter, 1000, () => (clock += meter.estimate(1000)));
    expect(slicer.budget()).toBeCloseTo(TASK_BUDGET_MS, 0);
  });

  it('ends the task before work the browser does after it when both together would be long, and only then', async () => {
    let clock = 0;
    let frames = 0;
    const slicer = new Slicer(30, async () => {}, () => clock, async () => {
      frames++;
      clock += 16;
    });
    clock = TASK_LIMIT_MS - 10;
    await slicer.leaveRoom(10); // the limit just reached: room enough
    expect(frames).toBe(0);
    await slicer.leaveRoom(28); // together a long frame: drawn in one of its own
    expect(frames).toBe(1);
    expect(slicer.longestTask()).toBe(TASK_LIMIT_MS - 10);
    clock += 1;
    await slicer.leaveRoom(28); // a new task, 1 ms old
    expect(frames).toBe(1);
    clock += TASK_LIMIT_MS + 10;
    await slicer.leaveRoom(1); // a task already long (a busy machine): a frame of its own would save next to nothing
    expect(frames).toBe(1);
    await slicer.leaveRoom(3);
    expect(frames).toBe(2);
    await expect(Slicer.unsliced().leaveRoom(1000)).resolves.toBeUndefined();
  });

  it('ends the task before a step it cannot slice when too little of its budget is left for it, and only then', async () => {
    let clock = 0;
    let yields = 0;
    const slicer = new Slicer(30, async () => {
      yields++;
      clock += 1;
    }, () => clock);
    clock = 15;
    await slicer.reserve(10); // 15 ms left: room enough
    expect(yields).toBe(0);
    clock = 22;
    await slicer.reserve(10); // 8 ms left: the step begins a task of its own
    expect(yields).toBe(1);
    expect(slicer.left()).toBe(30);
    await expect(Slicer.unsliced().reserve(1000)).resolves.toBeUndefined();
  });

  it('never sets a budget below what makes a slice worth its yield', () => {
    const meter = new Meter(0.01);
    let clock = 0;
    const slicer = new Slicer(40, async () => {}, () => clock);
    slicer.measure(meter, 100, () => (clock += 1));
    slicer.measure(meter, 100, () => (clock += 200));
    expect(slicer.budget()).toBe(8);
  });

  it('yields no more often than the budget needs', async () => {
    const sim = simulation(25);
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    await sim.slicer.forEach(items, new Meter(0.01), () => sim.work(0.01), 1);
    sim.end();
    // 100 ms of work in 25 ms tasks: four or five of them, not a hundred.
    expect(sim.tasks.length).toBeLessThanOrEqual(6);
  });

  it('never yields when unsliced', async () => {
    let yields = 0;
    const slicer = Slicer.unsliced();
    const original = slicer.next.bind(slicer);
    slicer.next = async () => {
      yields++;
      await original();
    };
    const seen: number[] = [];
    await slicer.forEach([1, 2, 3], new Meter(1000), (x) => seen.push(x));
    expect(seen).toEqual([1, 2, 3]);
    expect(yields).toBe(0);
  });
});

describe('waiting for frames on time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A display whose frames the test draws, at the times it says. */
  function display() {
    let waiting: Array<(time: number) => void> = [];
    return {
      frame: (cb: (time: number) => void) => waiting.push(cb),
      draw(time: number) {
        const now = waiting;
        waiting = [];
        for (const cb of now) cb(time);
      },
    };
  }

  async function settledAfter(times: number[]) {
    vi.useFakeTimers();
    const d = display();
    let done = false;
    void framesOnTime(500, d.frame).then(() => (done = true));
    const seen: boolean[] = [];
    for (const t of times) {
      d.draw(t);
      await Promise.resolve();
      seen.push(done);
    }
    return seen;
  }

  it('resolves at the second frame in a row that came on time, not while frames come late', async () => {
    // The first frames after a load, each late behind a long software draw; then the display keeps time.
    expect(await settledAfter([0, 40, 88, 130, 147, 164, 181])).toEqual([false, false, false, false, false, true, true]);
  });

  it('counts again from a late frame', async () => {
    expect(await settledAfter([0, 17, 60, 77, 94])).toEqual([false, false, false, false, true]);
  });

  it('takes a display that draws at 30 Hz (Energy Saver) as on time once its frames come steadily', async () => {
    expect(await settledAfter([0, 33, 67, 100])).toEqual([false, false, false, true]);
    // Frames slower than any display draws are late, however steadily they come.
    expect(await settledAfter([0, 45, 90, 135, 180])).toEqual([false, false, false, false, false]);
  });

  it('resolves after the cap when no frame is drawn (a hidden tab), and at once without frames to wait for', async () => {
    vi.useFakeTimers();
    let done = false;
    void framesOnTime(500, () => undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    await expect(framesOnTime(500, null)).resolves.toBeUndefined();
  });

  it('asks for no more frames once the cap has passed (a display that never keeps time)', async () => {
    vi.useFakeTimers();
    const d = display();
    let asked = 0;
    void framesOnTime(500, (cb) => (asked++, d.frame(cb)));
    for (let t = 0; t < 500; t += 45) {
      d.draw(t);
      await vi.advanceTimersByTimeAsync(45);
    }
    const atCap = asked;
    d.draw(585);
    d.draw(630);
    expect(asked).toBe(atCap);
  });
});
