import { describe, expect, it } from 'vitest';
import { groupIndicators, groupKey, groupOf, mergeIndicators, unmergeIndicator } from '../../../indicators/grouping';

describe('indicator group keys', () => {
  it('gives the same indicator in other words one key', () => {
    expect(groupKey('共受理行政复议申请')).toBe(groupKey('受理行政复议案件'));
    expect(groupKey('全年依法审核行政规范性文件')).toBe(groupKey('审查规范性文件'));
    expect(groupKey('文件合法性审核')).toBe(groupKey('文件合法性审查'));
    expect(groupKey('审结行政复议案件')).toBe(groupKey('办结行政复议案件'));
    expect(groupKey('区政府常务会议会前学法')).toBe(groupKey('区政府常务会会前学法'));
    expect(groupKey('行政机关负责人出庭应诉率')).toBe(groupKey('行政机关负责人出庭率'));
    expect(groupKey('推出政务服务“证照分离”事项')).toBe(groupKey('推出政务服务证照分离事项'));
    expect(groupKey('辦理行政復議案件')).toBe(groupKey('办理行政复议案件'));
    expect(groupKey('2019年累计办结行政复议案件')).toBe('办结行政复议案件');
  });

  it('keeps apart what reports count apart', () => {
    expect(groupKey('收到行政复议申请')).not.toBe(groupKey('受理行政复议申请'));
    expect(groupKey('办理行政复议案件')).not.toBe(groupKey('办结行政复议案件'));
    expect(groupKey('审核发放补贴')).toBe('审核发放补贴');
    expect(groupKey('审结一审行政案件')).toBe('审结一审行政案件');
  });
});

describe('the user’s merges', () => {
  it('puts keys into a group and reads them back', () => {
    const merges = mergeIndicators({}, ['新收行政复议案件'], '受理行政复议案件');
    expect(merges).toEqual({ 新收行政复议案件: '受理行政复议案件' });
    expect(groupOf('新收行政复议案件', merges)).toBe('受理行政复议案件');
    expect(groupOf('受理行政复议案件', merges)).toBe('受理行政复议案件');
    expect(groupOf('培训执法人员', merges)).toBe('培训执法人员');
  });

  it('leaves no chain behind when a group is merged into another', () => {
    let merges = mergeIndicators({}, ['a'], 'b');
    merges = mergeIndicators(merges, ['b'], 'c');
    expect(merges).toEqual({ a: 'c', b: 'c' });
    merges = mergeIndicators(merges, ['d'], 'a');
    expect(merges).toEqual({ a: 'c', b: 'c', d: 'c' });
    expect(mergeIndicators(merges, ['c'], 'a')).toEqual(merges);
  });

  it('unmerges one key without touching the others, and returns the same object when there is nothing to do', () => {
    const merges = mergeIndicators({}, ['a', 'b'], 'c');
    expect(unmergeIndicator(merges, 'a')).toEqual({ b: 'c' });
    expect(merges).toEqual({ a: 'c', b: 'c' });
    expect(unmergeIndicator(merges, 'c')).toBe(merges);
  });

  it('groups items in the order they come', () => {
    const items = [{ k: '受理行政复议案件', y: 2017 }, { k: '培训执法人员', y: 2017 }, { k: '新收行政复议案件', y: 2018 }];
    const groups = groupIndicators(items, (i) => i.k, { 新收行政复议案件: '受理行政复议案件' });
    expect([...groups.keys()]).toEqual(['受理行政复议案件', '培训执法人员']);
    expect(groups.get('受理行政复议案件')?.map((i) => i.y)).toEqual([2017, 2018]);
  });
});
