// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLateContent } from '../../../page/late-content';

const paragraph = (chars: number) => {
  const p = document.createElement('p');
  p.textContent = '依'.repeat(chars);
  return p;
};
// MutationObserver delivers its records in a microtask.
const delivered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('watching a page for an article that arrives late', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
  });
  afterEach(() => vi.useRealTimers());

  it('calls once, after enough text has come and the page has been quiet', async () => {
    const grown = vi.fn();
    watchLateContent(document.body, grown, { minGrowth: 400, quietMs: 600 });
    document.body.append(paragraph(300));
    await delivered();
    vi.advanceTimersByTime(1000);
    expect(grown).not.toHaveBeenCalled();
    document.body.append(paragraph(200));
    await delivered();
    vi.advanceTimersByTime(500);
    document.body.append(paragraph(10));
    await delivered();
    vi.advanceTimersByTime(500);
    expect(grown).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(grown).toHaveBeenCalledTimes(1);
    document.body.append(paragraph(1000));
    await delivered();
    vi.advanceTimersByTime(5000);
    expect(grown).toHaveBeenCalledTimes(1);
  });

  it('counts text added inside nested nodes, and ignores a page that only changes a little', async () => {
    const grown = vi.fn();
    watchLateContent(document.body, grown, { minGrowth: 400, quietMs: 600, windowMs: 10_000 });
    for (let i = 0; i < 20; i++) {
      document.body.append(paragraph(5));
      await delivered();
      vi.advanceTimersByTime(400);
    }
    vi.advanceTimersByTime(10_000);
    // The window has closed: an article arriving now is no longer watched for.
    const article = document.createElement('div');
    article.append(paragraph(600));
    document.body.append(article);
    await delivered();
    vi.advanceTimersByTime(5000);
    expect(grown).not.toHaveBeenCalled();
  });

  it('reads a page that grew but never went quiet once, when the window closes', async () => {
    const grown = vi.fn();
    watchLateContent(document.body, grown, { minGrowth: 400, quietMs: 600, windowMs: 5000 });
    for (let t = 0; t < 8000; t += 300) {
      document.body.append(paragraph(100));
      await delivered();
      vi.advanceTimersByTime(300);
    }
    expect(grown).toHaveBeenCalledTimes(1);
  });

  it('stops when told to', async () => {
    const grown = vi.fn();
    const stop = watchLateContent(document.body, grown);
    stop();
    document.body.append(paragraph(5000));
    await delivered();
    vi.advanceTimersByTime(60_000);
    expect(grown).not.toHaveBeenCalled();
  });
});
