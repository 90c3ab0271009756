import { describe, expect, it } from 'vitest';
import { copyValue, copyWithSentence, filterItems, groupBySection, type ListedItem } from '../../../components/item-list';

const item = (text: string, heading: string, sentence = `…${text}…`, name?: string): ListedItem => ({
  category: 'figure', text, before: '', after: '', sentence, heading, indicator: name ? { name } : undefined,
});

const items = [
  item('张政字〔2018〕8号', ''),
  item('48.6%', '二、依法全面履行政府职能', '精简率达48.6%。', '精简率'),
  item('480余名', '二、依法全面履行政府职能', '培训执法人员480余名。', '培训执法人员'),
  item('36项', '三、完善依法行政制度体系', '清理规范性文件36项。'),
];

describe('the side panel’s item list', () => {
  it('keeps every item for an empty or blank query', () => {
    expect(filterItems(items, '')).toBe(items);
    expect(filterItems(items, '   ')).toBe(items);
  });

  it('finds items by their text, sentence, indicator or heading, every word required', () => {
    expect(filterItems(items, '48.6').map((i) => i.text)).toEqual(['48.6%']);
    expect(filterItems(items, '培训').map((i) => i.text)).toEqual(['480余名']);
    expect(filterItems(items, '精简率').map((i) => i.text)).toEqual(['48.6%']);
    expect(filterItems(items, '履行政府职能').map((i) => i.text)).toEqual(['48.6%', '480余名']);
    expect(filterItems(items, '职能 480').map((i) => i.text)).toEqual(['480余名']);
    expect(filterItems(items, '不存在')).toEqual([]);
  });

  it('ignores full- and half-width forms and letter case', () => {
    expect(filterItems(items, '４８．６％').map((i) => i.text)).toEqual(['48.6%']);
    expect(filterItems([item('PM2.5', '')], 'pm2.5')).toHaveLength(1);
  });

  it('groups consecutive items under their section heading, in document order', () => {
    const groups = groupBySection(items);
    expect(groups.map((g) => [g.heading, g.items.map((i) => i.text)])).toEqual([
      ['', ['张政字〔2018〕8号']],
      ['二、依法全面履行政府职能', ['48.6%', '480余名']],
      ['三、完善依法行政制度体系', ['36项']],
    ]);
    expect(groupBySection([])).toEqual([]);
  });
});

describe('copying an item', () => {
  it('copies the value alone, or the value and its sentence as two tab-separated cells', () => {
    expect(copyValue(items[1])).toBe('48.6%');
    expect(copyWithSentence(items[1])).toBe('48.6%\t精简率达48.6%。');
  });
});
