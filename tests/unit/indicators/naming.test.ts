// Indicator naming on real report sentences (tests/fixtures/indicators/sources.json and the 张店 fixture).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognize } from '../../../recognition/recognize';
import type { FigureMatch } from '../../../recognition/types';
import { nameIndicators } from '../../../indicators/naming';
import { foldAcceptable, foldExact, loadGold } from '../../support/indicator-gold';

function figuresOf(text: string): FigureMatch[] {
  return recognize(text).filter((m): m is FigureMatch => m.category === 'figure');
}

/** [figure, indicator] for each figure of the text. */
function named(text: string): Array<[string, string | null]> {
  const figures = figuresOf(text);
  const names = nameIndicators(text, figures);
  return figures.map((f, i) => [f.text, names[i]?.text ?? null]);
}

describe('indicator naming', () => {
  it('names the thing counted before the figure, without lead-ins and qualifiers', () => {
    expect(named('2018年,全国各级行政复议机关依法办理行政复议案件25.7万件,办结22.4万件。')).toEqual([
      ['25.7万件', '办理行政复议案件'],
      ['22.4万件', '办结行政复议案件'],
    ]);
    expect(named('简化优化公共服务流程,精简率达48.6%,办结时限缩短70%以上。')).toEqual([
      ['48.6%', '精简率'],
      ['70%', '办结时限缩短'],
    ]);
    expect(named('2017年共代理区政府应诉案件23件,审结11件,全部胜诉。')).toEqual([
      ['23件', '代理区政府应诉案件'],
      ['11件', '审结区政府应诉案件'],
    ]);
  });

  it('names the object after the figure when the verb comes before it', () => {
    expect(named('全区共推出302个政务服务“证照分离”事项、105个告知承诺事项,对28个证明事项采取告知承诺制;')).toEqual([
      ['302个', '推出政务服务“证照分离”事项'],
      ['105个', '推出告知承诺事项'],
      ['28个', '证明事项采取告知承诺制'],
    ]);
    expect(named('加强“云窗”建设,1947个市级事项在副中心实现异地可办,1628个区级事项实现本地办理。')).toEqual([
      ['1947个', '市级事项在副中心实现异地可办'],
      ['1628个', '区级事项实现本地办理'],
    ]);
  });

  it('lets a clause that leaves out what it counts take it from the sentence', () => {
    expect(named('2017年,张店区共收到行政复议申请176件,受理87件,案前化解纠纷89件,不予受理5件。')).toEqual([
      ['176件', '收到行政复议申请'],
      ['87件', '受理行政复议申请'],
      ['89件', '案前化解纠纷'],
      ['5件', '不予受理行政复议申请'],
    ]);
    expect(named('主动公开市政府规章13件(含新制定5件,修改4件,废止4件),主动公开行政规范性文件42件,人事任免文件106件。')
      .map(([, n]) => n)).toEqual(['主动公开市政府规章', '新制定市政府规章', '修改市政府规章', '废止市政府规章',
      '主动公开行政规范性文件', '主动公开人事任免文件']);
  });

  it('gives figures written back to back one name', () => {
    expect(named('经汇总梳理,共形成9项13条建议,最终确定需落实36项任务。').slice(0, 2)).toEqual([
      ['9项', '形成建议'],
      ['13条', '形成建议'],
    ]);
    expect(named('依法严惩生产销售假口罩、哄抬物价、野生动物资源保护等各类涉疫情犯罪32件35人。')).toEqual([
      ['32件', '严惩涉疫情犯罪'],
      ['35人', '严惩涉疫情犯罪'],
    ]);
  });

  it('names a rate of change and an audience after the figure they follow', () => {
    expect(named('实际利用外资1.98亿美元,同比增长149.6%。')).toEqual([
      ['1.98亿美元', '实际利用外资'],
      ['149.6%', '实际利用外资同比增长'],
    ]);
    expect(named('围绕习近平法治思想开展线上线下法治讲座36场受众4万余人;')).toEqual([
      ['36场', '开展线上线下法治讲座'],
      ['4万余人', '线上线下法治讲座受众'],
    ]);
  });

  it('drops examples listed before 等 and a figure’s own quotes', () => {
    expect(named('组织开展“凤鸣政策通”等17场品牌活动,覆盖企业1500余家次。')).toEqual([
      ['17场', '组织开展品牌活动'],
      ['1500余家次', '覆盖企业'],
    ]);
    expect(named('出台落实北京市帮扶企业系列政策区级“12条”措施及20个配套实施细则。')).toEqual([
      ['12条', '出台落实北京市帮扶企业系列政策区级措施'],
      ['20个', '出台配套实施细则'],
    ]);
  });

  it('reads traditional script the same way', () => {
    expect(named('副中心管委會累計承接市級賦權108項。')).toEqual([['108項', '承接市級賦權']]);
  });

  it('names nothing where the clause holds nothing but the figure', () => {
    expect(named('镇级共23大类,245项。')).toEqual([['245项', null]]);
  });

  it('keeps the names of the development part of the gold set close to the labels', () => {
    const documents = loadGold(path.resolve(__dirname, '../../..'), (file) => fs.readFileSync(file, 'utf8'));
    let scored = 0;
    let exact = 0;
    let acceptable = 0;
    for (const doc of documents.filter((d) => d.split === 'dev')) {
      const figures = figuresOf(doc.text);
      const names = nameIndicators(doc.text, figures);
      let at = 0;
      for (const [figure, label, alternates] of doc.items) {
        while (at < figures.length && foldExact(figures[at].text) !== foldExact(figure)) at++;
        const name = names[at++]?.text ?? '';
        if (label === null) continue;
        scored++;
        if (foldExact(name) === foldExact(label)) exact++;
        if ([label, ...alternates].some((a) => foldAcceptable(a) === foldAcceptable(name))) acceptable++;
      }
    }
    expect(scored).toBeGreaterThan(150);
    // The levels reached when this test was written (0.78 and 0.97), with a little room.
    expect(exact / scored).toBeGreaterThanOrEqual(0.75);
    expect(acceptable / scored).toBeGreaterThanOrEqual(0.95);
  });
});
