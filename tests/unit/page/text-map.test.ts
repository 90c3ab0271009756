// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextMap, offsetOf, rangeFor, TextCursor, TextMapBuilder } from '../../../page/text-map';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('text map', () => {
  it('joins inline elements without a separator and maps a span back to one range', () => {
    const map = buildTextMap(body('<p>精简率达<span>48</span>.6%,共<b>36</b>项</p>'));
    expect(map.text).toBe('精简率达48.6%,共36项');
    const start = map.text.indexOf('48.6%');
    const range = rangeFor(map, start, start + 5);
    expect(range.toString()).toBe('48.6%');
    expect(range.startContainer.textContent).toBe('48');
  });

  it('separates blocks, table cells and <br> with one newline each', () => {
    const map = buildTextMap(body('<div><p>第一段</p><p>第二段<br>第三行</p></div><table><tr><td>文号</td><td>张政字〔2018〕8号</td></tr></table>'));
    expect(map.text).toBe('第一段\n第二段\n第三行\n文号\n张政字〔2018〕8号');
  });

  it('reads a line break in the source between inline elements as the space a browser shows, not as a new line', () => {
    const map = buildTextMap(body('<p>国土资发〔<span lang="EN-US">\n2013</span>〕<span>21\r\n</span>号</p><pre>一\n二</pre>'));
    expect(map.text).toBe('国土资发〔 2013〕21 号\n一\n二');
  });

  it('leaves out scripts, styles and skipped subtrees', () => {
    const map = buildTextMap(body('<p>正文</p><script>var x = "36项"</script><div class="x"><p>页脚 12件</p></div><p>结尾</p>'), {
      skip: (el) => el.classList.contains('x'),
    });
    expect(map.text).toBe('正文\n结尾');
  });

  it('finds the offset of a DOM point, and -1 outside the map', () => {
    const root = body('<p>一二<em>三四</em>五</p><script>x</script>');
    const map = buildTextMap(root);
    const em = root.querySelector('em')!.firstChild!;
    expect(offsetOf(map, em, 1)).toBe(3);
    expect(offsetOf(map, root.querySelector('script')!.firstChild!, 0)).toBe(-1);
  });

  it('builds the same map in slices as in one go', () => {
    const html = Array.from({ length: 200 }, (_, i) => `<p>第${i}段<span>${i}</span>项<br>行</p>`).join('');
    const whole = buildTextMap(body(html));
    const builder = new TextMapBuilder(body(html));
    let slices = 0;
    while (!builder.step(7)) slices++;
    expect(slices).toBeGreaterThan(50);
    expect(builder.result().text).toBe(whole.text);
  });

  it('builds with a cursor the same ranges as one by one, in order and out of it', () => {
    const map = buildTextMap(body('<p>第<b>1</b>段<span>48</span>.6%</p><p></p><p>共<i>3</i><i>6</i>项，<em>53亿元</em></p>'));
    const spans: Array<[number, number]> = [];
    for (let start = 0; start < map.text.length; start++) {
      for (let end = start + 1; end <= map.text.length; end++) spans.push([start, end]);
    }
    const cursor = new TextCursor(map);
    for (const [start, end] of [...spans, ...spans.slice().reverse()]) {
      const a = rangeFor(map, start, end);
      const b = cursor.range(start, end);
      expect([b.startContainer, b.startOffset, b.endContainer, b.endOffset]).toEqual([a.startContainer, a.startOffset, a.endContainer, a.endOffset]);
    }
  });

  it('counts the text nodes its ranges reach into, which is what drawing them costs', () => {
    const map = buildTextMap(body('<p>精简率达<span>48</span>.6%，共36项</p><p>第<b>1</b>段</p>'));
    const cursor = new TextCursor(map);
    const range = (s: string) => {
      const start = map.text.indexOf(s);
      return cursor.range(start, start + s.length);
    };
    range('48.6%'); // 48 | .6%，共36项: two nodes
    expect(cursor.textNodes).toBe(2);
    range('36项'); // inside one node
    expect(cursor.textNodes).toBe(3);
    range('第1段'); // 第 | 1 | 段
    expect(cursor.textNodes).toBe(6);
  });

  it("tells the leave hook each element's parent, as the DOM has it", () => {
    const root = body('<div id="a"><p id="b">一<span id="c">二</span></p><table id="d"><tbody id="e"><tr id="f"><td id="g">三</td></tr></tbody></table></div>');
    const seen: string[] = [];
    buildTextMap(root, {
      leave(el, _start, _end, _tag, parent) {
        expect(parent).toBe(el === root ? null : el.parentElement);
        seen.push(el.id || el.tagName);
      },
    });
    expect(seen).toEqual(['c', 'b', 'g', 'f', 'e', 'd', 'a', 'BODY']);
  });
});
