// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rangeToOffsets } from '../../../page/selection';
import { buildTextMap } from '../../../page/text-map';

function setup(html: string, skip?: (el: Element) => boolean) {
  document.body.innerHTML = html;
  return buildTextMap(document.body, { skip });
}

describe('selection to text offsets', () => {
  it('maps a selection inside text nodes exactly', () => {
    const map = setup('<p>全区<b>177项</b>行政审批事项压缩至92项</p>');
    const range = document.createRange();
    range.setStart(document.querySelector('b')!.firstChild!, 0);
    const tail = document.querySelector('p')!.lastChild as Text;
    range.setEnd(tail, 4);
    const o = rangeToOffsets(map, range)!;
    expect(map.text.slice(o.start, o.end)).toBe('177项行政审批');
  });

  it('maps a selection between elements (a triple click) to the paragraph, trimmed', () => {
    const map = setup('<p>第一段</p><p>  第二段文字 </p><p>第三段</p>');
    const range = document.createRange();
    range.selectNode(document.querySelectorAll('p')[1]);
    const o = rangeToOffsets(map, range)!;
    expect(map.text.slice(o.start, o.end)).toBe('第二段文字');
  });

  it('skips the parts of a selection the map leaves out, and gives null when nothing is left', () => {
    const map = setup('<p>正文一</p><div class="foot">页脚</div><p>正文二</p>', (el) => el.classList.contains('foot'));
    const all = document.createRange();
    all.selectNodeContents(document.body);
    const o = rangeToOffsets(map, all)!;
    expect(map.text.slice(o.start, o.end)).toBe('正文一\n正文二');
    const foot = document.createRange();
    foot.selectNodeContents(document.querySelector('.foot')!);
    expect(rangeToOffsets(map, foot)).toBeNull();
  });
});
