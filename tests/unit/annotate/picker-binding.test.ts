import { describe, expect, it } from 'vitest';
import { portBinder } from '../../../messaging/picker-binding';

const port = () => new MessageChannel().port1;

describe('the picker frame binds only to a port offered with a key the extension sent', () => {
  it('binds when the key comes first, or the port first, and only once', () => {
    for (const keyFirst of [true, false]) {
      const bound: MessagePort[] = [];
      const binder = portBinder((p) => bound.push(p));
      const real = port();
      if (keyFirst) binder.hear('k1');
      binder.offer('k1', real);
      if (!keyFirst) binder.hear('k1');
      expect(bound).toEqual([real]);
      binder.offer('k1', port());
      binder.hear('k2');
      binder.offer('k2', port());
      expect(bound).toEqual([real]);
      real.close();
    }
  });

  it('ignores ports offered with keys nobody sent, however many, and still binds the real one after them', () => {
    const bound: MessagePort[] = [];
    const binder = portBinder((p) => bound.push(p));
    for (let i = 0; i < 100; i++) binder.offer(`forged-${i}`, port());
    expect(binder.bound).toBe(false);
    const real = port();
    binder.offer('secret', real);
    for (let i = 0; i < 100; i++) binder.offer(`forged-again-${i}`, port());
    // The real offer was pushed out of the bounded set by the flood: a key alone binds nothing.
    binder.hear('secret');
    expect(bound).toEqual([]);
    // The content script offers again on the next open; this time the key is already known.
    const again = port();
    binder.offer('secret', again);
    expect(bound).toEqual([again]);
    again.close();
    real.close();
  });
});
