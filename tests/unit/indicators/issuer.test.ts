import { describe, expect, it } from 'vitest';
import { issuerFromTitle, issuerKey, sameIssuer } from '../../../indicators/issuer';

describe('issuers', () => {
  it('lines up the names of one government', () => {
    expect(issuerKey('张店区人民政府')).toBe('张店区');
    expect(issuerKey('张店区政府')).toBe('张店区');
    expect(sameIssuer('张店区人民政府', '张店区政府')).toBe(true);
    expect(sameIssuer('淄博市张店区人民政府', '张店区政府')).toBe(true);
    expect(sameIssuer('北京市石景山区人民政府', '石景山区政府')).toBe(true);
    expect(sameIssuer('北京市通州區人民政府', '北京市通州区人民政府')).toBe(true);
    expect(sameIssuer('宁夏回族自治区银川市兴庆区人民政府', '兴庆区政府')).toBe(true);
  });

  it('keeps other issuers apart', () => {
    expect(sameIssuer('北京市大兴区司法局', '北京市大兴区人民政府')).toBe(false);
    expect(sameIssuer('北京市朝阳区人民政府', '长春市朝阳区人民政府')).toBe(false);
    expect(sameIssuer('张店区政府办公室', '张店区政府')).toBe(false);
    expect(sameIssuer('西城区', '城区')).toBe(false);
  });

  it('reads the issuer from real titles', () => {
    expect(issuerFromTitle('张店区人民政府关于2017年度法治政府建设情况的报告')).toBe('张店区人民政府');
    expect(issuerFromTitle('北京市石景山区人民政府2021年法治政府建设年度情况报告')).toBe('北京市石景山区人民政府');
    expect(issuerFromTitle('静海区2023年度法治政府建设情况报告')).toBe('静海区');
    expect(issuerFromTitle('2020年静海区法治政府建设情况报告')).toBe('静海区');
    expect(issuerFromTitle('北京市通州區人民政府2021年法治政府建設年度情況報告')).toBe('北京市通州区人民政府');
    expect(issuerFromTitle('关于法治政府建设情况的报告')).toBe('');
    expect(issuerFromTitle('关于2019年度法治政府建设工作情况的报告')).toBe('');
    expect(issuerFromTitle('关于2020年汉源县法治政府建设情况的报告')).toBe('汉源县');
  });
});
