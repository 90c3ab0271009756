// A notice converted from PDF, as document-sharing and mirror sites print one: every printed line a positioned
// <div> of its own, so a document number cited in the prose may be cut where the line ended. The scan reads it as a
// reader does, the break folded away, in whichever part the line ends.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../page/scan';
import { domFrom } from '../../support/fixtures';

const TITLE = '某某县人民政府办公室关于进一步加强行政规范性文件管理的通知';
// Printed lines of about 24 characters, as the PDF set them.
const LINES = [
  '各乡镇人民政府，县政府各部门：',
  '为进一步加强行政规范性文件制定和监督管理工作，',
  '根据《国务院办公厅关于加强行政规范性文件制定和监督管',
  '理工作的通知》（国办发〔2018〕37号）和《国务院办公厅',
  '关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发',
  '〔2018〕115号）精神，以及《某某省行政规范性文件管理办法》（省人民政府令第',
  '286号）的规定，现将有关事项通知如下：',
  '一、严格制定程序。全县共清理行政规范性文件57件，其中废止9件、修改6件。',
];

const page = `<html><head><title>${TITLE}</title></head><body><h1>${TITLE}</h1><div class="pdf">${LINES.map(
  (line, i) => `<div style="position:absolute;top:${120 + i * 28}px;left:96px">${line}</div>`,
).join('\n')}</div></body></html>`;

describe('a notice converted from PDF, a block per printed line', () => {
  it('finds the document numbers that a line end cut in two', async () => {
    const scan = await scanPage(domFrom(page, 'http://www.example.gov.cn/zwgk/2019/0412/notice.html'));
    expect(scan.kind, scan.reason).toBe('document');
    const numbers = scan.matches.filter((m) => m.category === 'docno').map((m) => m.text.replace(/\s+/g, ''));
    expect(numbers).toEqual(['国办发〔2018〕37号', '国办发〔2018〕115号', '省人民政府令第286号']);
    expect(scan.matches.filter((m) => m.category === 'figure').map((m) => m.text)).toEqual(['57件', '9件', '6件']);
  });
});
