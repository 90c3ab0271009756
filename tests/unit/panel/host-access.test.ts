// Which host permissions the panel checks for a tab: its site's, every site's when the browser keeps the tab's URL
// from the extension (Firefox, for a site it may not access), none for pages no content script runs on.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { patternsFor } from '../../../components/host-access';

vi.mock('wxt/testing', async () => ({ fakeBrowser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3, name: 'Pizhu', version: '0', host_permissions: ['http://*/*', 'https://*/*'],
  } as never);
});

describe('patternsFor', () => {
  it('asks for the site of a web page, whatever its port and path', () => {
    expect(patternsFor('http://www.zhangdian.gov.cn:47800/art/2018/3/12/art_1234_567890.html')).toEqual(['http://www.zhangdian.gov.cn/*']);
    expect(patternsFor('https://www.gov.cn/zhengce/')).toEqual(['https://www.gov.cn/*']);
  });

  it('asks for every site Pizhu reads when the URL is kept from it', () => {
    expect(patternsFor('')).toEqual(['http://*/*', 'https://*/*']);
  });

  it('asks for nothing on pages no content script runs on', () => {
    expect(patternsFor('about:addons')).toEqual([]);
    expect(patternsFor('moz-extension://0a0a0a0a-0000-4000-8000-000000000000/library.html')).toEqual([]);
    expect(patternsFor('file:///tmp/report.html')).toEqual([]);
  });
});
