import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../../anchoring/url';

describe('normalizeUrl', () => {
  it('drops the fragment and a bare trailing ? or #', () => {
    expect(normalizeUrl('http://www.zhangdian.gov.cn/art/2018/3/12/art_1234_567890.html#top')).toBe(
      'http://www.zhangdian.gov.cn/art/2018/3/12/art_1234_567890.html',
    );
    expect(normalizeUrl('http://www.zhangdian.gov.cn/a.html?')).toBe('http://www.zhangdian.gov.cn/a.html');
    expect(normalizeUrl('http://www.zhangdian.gov.cn/a.html?#')).toBe('http://www.zhangdian.gov.cn/a.html');
  });

  it('lower-cases scheme and host, drops default ports, keeps other ports, www and the scheme', () => {
    expect(normalizeUrl('HTTP://WWW.Jingzhou.GOV.cn:80/xwzx/T20171220.shtml')).toBe(
      'http://www.jingzhou.gov.cn/xwzx/T20171220.shtml',
    );
    expect(normalizeUrl('https://hndt.gov.cn:443/a')).toBe('https://hndt.gov.cn/a');
    expect(normalizeUrl('http://hndt.gov.cn:8080/a')).toBe('http://hndt.gov.cn:8080/a');
    expect(normalizeUrl('http://www.hndt.gov.cn/a')).not.toBe(normalizeUrl('http://hndt.gov.cn/a'));
    expect(normalizeUrl('http://www.hndt.gov.cn/a')).not.toBe(normalizeUrl('https://www.hndt.gov.cn/a'));
  });

  it('keeps the path as written, index.html and trailing slash included', () => {
    expect(normalizeUrl('http://x.gov.cn/col/col1234/index.html')).toBe('http://x.gov.cn/col/col1234/index.html');
    expect(normalizeUrl('http://x.gov.cn/col/col1234/')).toBe('http://x.gov.cn/col/col1234/');
    expect(normalizeUrl('http://x.gov.cn/Art/A.HTML')).toBe('http://x.gov.cn/Art/A.HTML');
  });

  it('gives one key for a raw and a percent-encoded Chinese path, whatever the case of the escapes', () => {
    const raw = normalizeUrl('https://www.newton.com.tw/wiki/多倫縣2012年度推進依法行政工作情況的報告');
    expect(normalizeUrl('https://www.newton.com.tw/wiki/%e5%a4%9a%E5%80%AB%E7%B8%A32012%E5%B9%B4%E5%BA%A6%E6%8E%A8%E9%80%B2%E4%BE%9D%E6%B3%95%E8%A1%8C%E6%94%BF%E5%B7%A5%E4%BD%9C%E6%83%85%E6%B3%81%E7%9A%84%E5%A0%B1%E5%91%8A')).toBe(raw);
    expect(normalizeUrl('http://x.gov.cn/%7euser/a')).toBe('http://x.gov.cn/~user/a');
    expect(normalizeUrl('http://x.gov.cn/a%2fb')).toBe('http://x.gov.cn/a%2Fb');
  });

  it('drops tracking parameters and keeps the ones that pick the document', () => {
    expect(
      normalizeUrl(
        'http://www.x.gov.cn/content.jsp?articleId=8842&utm_source=wechat&utm_medium=social&from=timeline&isappinstalled=0&spm=a2c4g.11186623',
      ),
    ).toBe('http://www.x.gov.cn/content.jsp?articleId=8842');
    expect(normalizeUrl('http://x.gov.cn/show?id=12&fbclid=IwAR0abc&gclid=Cj0K&shareId=99&share_token=zz&scene=1')).toBe(
      'http://x.gov.cn/show?id=12',
    );
    expect(normalizeUrl('http://x.gov.cn/show?ID=12&UTM_Campaign=x')).toBe('http://x.gov.cn/show?ID=12');
  });

  it('drops numeric cache-busters but keeps the same names with meaningful values', () => {
    expect(normalizeUrl('http://x.gov.cn/a?id=3&_=1520843447123&t=0.7341')).toBe('http://x.gov.cn/a?id=3');
    expect(normalizeUrl('http://x.gov.cn/a?id=3&timestamp=1520843447')).toBe('http://x.gov.cn/a?id=3');
    expect(normalizeUrl('http://x.gov.cn/a?t=notice&time=2018')).toBe('http://x.gov.cn/a?t=notice&time=2018');
  });

  it('sorts the remaining parameters by name, keeping repeated names in order and values as written', () => {
    expect(normalizeUrl('http://x.gov.cn/a?b=2&a=1&c=%E6%B3%95&a=0')).toBe('http://x.gov.cn/a?a=1&a=0&b=2&c=%E6%B3%95');
    expect(normalizeUrl('http://x.gov.cn/a?b=2&&a=1')).toBe(normalizeUrl('http://x.gov.cn/a?a=1&b=2'));
    expect(normalizeUrl('http://x.gov.cn/a?flag&id=1')).toBe('http://x.gov.cn/a?flag&id=1');
  });

  it('drops a jsessionid path parameter', () => {
    expect(normalizeUrl('http://x.gov.cn/art/2018/art_1.html;jsessionid=A1B2C3?id=4')).toBe(
      'http://x.gov.cn/art/2018/art_1.html?id=4',
    );
  });

  it('returns what is not an absolute URL trimmed and otherwise unchanged', () => {
    expect(normalizeUrl('  not a url ')).toBe('not a url');
  });

  it('is idempotent', () => {
    const urls = [
      'HTTP://WWW.X.GOV.CN:80/a%7e/b?z=1&utm_source=a&a=%e6%b3%95#frag',
      'https://www.newton.com.tw/wiki/多倫縣?from=singlemessage&id=5',
    ];
    for (const u of urls) expect(normalizeUrl(normalizeUrl(u))).toBe(normalizeUrl(u));
  });
});
