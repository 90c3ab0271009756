import { describe, expect, it } from 'vitest';
import { textFragmentUrl, webPageUrl } from '../../../library/text-fragment';

describe('text fragment links', () => {
  it('appends the encoded quote, replacing any fragment the page URL had', () => {
    expect(textFragmentUrl('https://gov.example/a.html#top', '依法行政')).toBe(
      `https://gov.example/a.html#:~:text=${encodeURIComponent('依法行政')}`,
    );
  });

  it('encodes the characters that mean something in a text directive: - , &', () => {
    const url = textFragmentUrl('https://gov.example/a', '2021-2025年, A&B');
    const directive = url.split('#:~:text=')[1];
    expect(directive).not.toMatch(/[-,&]/);
    expect(decodeURIComponent(directive)).toBe('2021-2025年, A&B');
  });

  it('squeezes white space and gives a long quote as start,end', () => {
    const long = '第一段'.repeat(20) + '\n\n' + '第二段'.repeat(20);
    const directive = textFragmentUrl('https://gov.example/a', long).split('#:~:text=')[1];
    const [start, end] = directive.split(',').map(decodeURIComponent);
    expect(long.replace(/\s+/g, ' ').startsWith(start)).toBe(true);
    expect(long.endsWith(end)).toBe(true);
    expect(textFragmentUrl('https://gov.example/a', '   ')).toBe('https://gov.example/a');
  });
});

describe('which addresses the library opens (issue 11)', () => {
  it('opens web pages only: http and https', () => {
    expect(webPageUrl('https://gov.example/a.html')).toBe('https://gov.example/a.html');
    expect(webPageUrl(' http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html ')).toBe('http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html');
    expect(webPageUrl('HTTPS://GOV.EXAMPLE/x')).toBe('https://gov.example/x');
  });

  it('refuses every other scheme, and what is not a URL at all', () => {
    for (const url of [
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'chrome://settings',
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'chrome-extension://abc/library.html',
      'about:blank',
      'blob:https://gov.example/uuid',
      'ftp://gov.example/a',
      'http:',
      '//gov.example/a',
      'not a url',
      '',
    ]) {
      expect(webPageUrl(url), url).toBeUndefined();
    }
  });
});
