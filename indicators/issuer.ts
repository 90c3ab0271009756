// Who issued a report, in a form that lines up a place's reports across years and sites: 张店区人民政府,
// 张店区政府 and 淄博市张店区人民政府 are one issuer; 张店区司法局 is another.
//
// - issuerKey: traditional characters folded, white space dropped, and a trailing 人民政府 or 政府 dropped
//   (the government of 张店区 is 张店区); 办公室, 司法局… stay, since they are other issuers.
// - sameIssuer: the keys are equal, or one is the other with the higher divisions before it (北京市石景山区 and
//   石景山区; 淄博市张店区 and 张店区): what is left over ends in 省, 市, 自治区, 州, 盟 or 地区.
// - issuerFromTitle: the issuer a title names: before 关于 (张店区人民政府关于2017年度…), else before the year
//   (北京市石景山区人民政府2021年法治政府建设年度情况报告, 静海区2023年度…), else between the year and the
//   report's subject (2020年静海区法治政府建设情况报告).

import { foldTraditional } from './folding';

const GOVERNMENT = /(?:人民政府|政府)$/;
const HIGHER_DIVISION = /(?:省|市|自治区|州|盟|地区)$/;
const SUBJECT = /(?:法治政府|依法行政|法治建设|推进|关于|年度|工作)/;

export function issuerKey(issuer: string): string {
  return foldTraditional(issuer.normalize('NFKC')).replace(/\s+/g, '').replace(GOVERNMENT, '');
}

export function sameIssuer(a: string, b: string): boolean {
  const ka = issuerKey(a);
  const kb = issuerKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const [long, short] = ka.length > kb.length ? [ka, kb] : [kb, ka];
  return long.endsWith(short) && HIGHER_DIVISION.test(long.slice(0, long.length - short.length));
}

export function issuerFromTitle(title: string): string {
  const t = foldTraditional(title.normalize('NFKC')).replace(/\s+/g, '');
  const about = t.indexOf('关于');
  if (about > 0) return t.slice(0, about);
  const year = /[12][0-9]{3}年度?/.exec(t);
  if (!year) return '';
  // 关于2019年度…的报告 names no issuer before the year: 关于 alone is not one.
  const before = t.slice(0, year.index).replace(/关于$/, '');
  if (before) return before;
  const rest = t.slice(year.index + year[0].length);
  const subject = SUBJECT.exec(rest);
  return subject && subject.index > 0 ? rest.slice(0, subject.index) : '';
}
