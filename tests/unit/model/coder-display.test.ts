// Whose annotations a page draws in a team: the user's choice in the Team tab, read by every open page.
import { describe, expect, it } from 'vitest';
import { showsCoder } from '../../../model';

const ME = 'urn:uuid:me';
const WANG = 'urn:uuid:wang';
const LI = 'urn:uuid:li';

describe('whose annotations are drawn', () => {
  it('everyone’s: all of them (also when nothing was chosen yet, as before teams)', () => {
    for (const display of [{ show: 'everyone' as const, chosen: [] }, undefined]) {
      expect([ME, WANG, LI, undefined].map((c) => showsCoder(display, ME, c))).toEqual([true, true, true, true]);
    }
  });

  it('mine: this coder’s own and those that name nobody (made before teams), no teammate’s', () => {
    const display = { show: 'mine' as const, chosen: [WANG] };
    expect([ME, undefined, WANG, LI].map((c) => showsCoder(display, ME, c))).toEqual([true, true, false, false]);
  });

  it('chosen: one’s own and the chosen coders’ only', () => {
    const display = { show: 'chosen' as const, chosen: [WANG] };
    expect([ME, WANG, LI].map((c) => showsCoder(display, ME, c))).toEqual([true, true, false]);
    expect(showsCoder({ show: 'chosen', chosen: [] }, ME, WANG)).toBe(false);
  });
});
