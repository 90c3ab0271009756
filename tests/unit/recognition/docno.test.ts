import { describe, expect, it } from 'vitest';
import { recognizeDocNumbers } from '../../../recognition/docno';

const texts = (s: string): string[] => recognizeDocNumbers(s).map((m) => m.text);

describe('document numbers: forms of the rules', () => {
  it.each([
    '张政字〔2018〕8号',
    '淄政办字[2017]5号',
    '襄联办发【2018】1号',
    '国办发（2016）12号',
    '国办发(2016)12号',
    '工信部聯信﹝2011﹞455號',
    '錫署辦傳發〔2012〕137 號',
    '吐临〔2020〕第00600号',
    '国办函［2016］12号',
    '鲁政发〖2016〗7号',
    '国发 〔2018〕8号',
    '国发〔 2018 〕8号',
    '张政字〔２０１８〕８号',
    '国务院令第699号',
    '国令第843号',
    '主席令第三十二号',
    '中国保险监督管理委员会令 2018 年 第 5 号',
    '国家税务总局公告2026年第6号',
    '中国人民银行公告〔2018〕第7号',
    '山东省人民政府令第311号',
  ])('%s is one number, spanning exactly itself', (number) => {
    expect(texts(`文件（${number}）要求`)).toEqual([number]);
  });

  it('reads the parts of a document number', () => {
    const [m] = recognizeDocNumbers('按照吐临〔２０２０〕第00600号文件');
    expect(m).toMatchObject({ form: 'document', agency: '吐临', year: '2020', serial: '00600', serialValue: 600 });
    expect(m.start).toBe(2);
  });

  it('reads decrees and announcements', () => {
    expect(recognizeDocNumbers('（主席令第三十二号）')[0]).toMatchObject({
      form: 'decree', agency: '主席', year: '', serial: '三十二', serialValue: 32,
    });
    expect(recognizeDocNumbers('中国保险监督管理委员会令 2018 年 第 5 号')[0]).toMatchObject({
      form: 'decree', agency: '中国保险监督管理委员会', year: '2018', serial: '5', serialValue: 5,
    });
    expect(recognizeDocNumbers('见国家税务总局公告2026年第6号。')[0]).toMatchObject({
      form: 'announcement', agency: '国家税务总局', year: '2026', serial: '6', serialValue: 6,
    });
  });

  it('keeps jointly issued announcements whole', () => {
    expect(texts('根据财政部 税务总局公告2019年第39号规定')).toEqual(['财政部 税务总局公告2019年第39号']);
  });

  it('keeps 和 inside a ministry name that issues a decree', () => {
    expect(texts('依据住房和城乡建设部令第5号')).toEqual(['住房和城乡建设部令第5号']);
  });

  it('reads a decree number printed without its 第, as decree notes print it', () => {
    expect(texts('（1991年3月26日济南市人民政府令19号发布）')).toEqual(['济南市人民政府令19号']);
    expect(recognizeDocNumbers('聊城市人民政府令38號公布')[0]).toMatchObject({
      form: 'decree', agency: '聊城市人民政府', year: '', serial: '38', serialValue: 38,
    });
  });

  it('starts a decree number after 审议通过 in its note', () => {
    expect(texts('(2020年4月7日市人民政府第63次常務會議審議通過聊城市人民政府令38號公布)')).toEqual(['聊城市人民政府令38號']);
    expect(texts('经2015年市政府常务会议审议通过市人民政府令第45号公布')).toEqual(['市人民政府令第45号']);
  });
});

describe('document numbers: where the agency code starts', () => {
  it.each([
    ['按照淄政办字[2017]5号', '淄政办字[2017]5号'],
    ['根据张发〔2016〕22号', '张发〔2016〕22号'],
    ['依据国发〔2016〕1号', '国发〔2016〕1号'],
    ['依照国发〔2016〕2号', '国发〔2016〕2号'],
    ['参照国发〔2016〕3号', '国发〔2016〕3号'],
    ['经国办发〔2016〕4号批准', '国办发〔2016〕4号'],
    ['张发〔2016〕1号及张发〔2016〕2号', '张发〔2016〕1号|张发〔2016〕2号'],
    ['鲁发〔2016〕1号和鲁发〔2016〕2号', '鲁发〔2016〕1号|鲁发〔2016〕2号'],
    ['鲁发〔2016〕1号与鲁发〔2016〕2号', '鲁发〔2016〕1号|鲁发〔2016〕2号'],
    ['市政府办公室印发淄政办字[2017]5号文件', '淄政办字[2017]5号'],
    ['转发国办发〔2016〕12号', '国办发〔2016〕12号'],
    ['落实国办发〔2016〕12号', '国办发〔2016〕12号'],
    ['其中国办发〔2016〕12号', '国办发〔2016〕12号'],
    ['以及国办发〔2016〕12号', '国办发〔2016〕12号'],
    ['张发〔2016〕1号等文件', '张发〔2016〕1号'],
    ['的通知》(中办发〔2016〕30号)', '中办发〔2016〕30号'],
    ['《办法》（张政发〔2017〕13号）', '张政发〔2017〕13号'],
    ['“鲁办发〔2017〕49号”', '鲁办发〔2017〕49号'],
    ['区政府办公室张政办字〔2017〕26号', '张政办字〔2017〕26号'],
    ['根据国令第843号', '国令第843号'],
    // a site's note pointing at a later announcement: 请看 is a verb, not part of the issuer
    ['请看国家税务总局公告2020年第9号', '国家税务总局公告2020年第9号'],
    ['参见国家税务总局令第43号', '国家税务总局令第43号'],
    ['參看穗府〔2011〕15號', '穗府〔2011〕15號'],
    ['鲁经信字〔2017〕3号', '鲁经信字〔2017〕3号'],
  ])('%s', (text, want) => {
    expect(texts(text).join('|')).toBe(want);
  });

  // Revision histories of regulations put the decree straight after the date it was made on; the rules start
  // the number after the date (../shared/spec/recognition-rules.md, Document numbers).
  it.each([
    ['（2015年3月2日市人民政府令第45号公布，2019年11月5日省人民政府令第12号修订）', '市人民政府令第45号|省人民政府令第12号'],
    ['2003年7月1日中华人民共和国国务院令第380号发布', '中华人民共和国国务院令第380号'],
    ['根据2014年7月29日国务院令第653号修订', '国务院令第653号'],
    ['２０１５年３月２日市人民政府令第４５号公布', '市人民政府令第４５号'],
    ['2015年3月2号市人民政府令第45号公布', '市人民政府令第45号'],
    ['二〇〇三年七月一日国务院令第380号发布', '国务院令第380号'],
    ['二〇一五年三月省人民政府令第8号', '省人民政府令第8号'],
    ['2015年3月市人民政府令第45号', '市人民政府令第45号'],
    ['2015年市人民政府令第45号', '市人民政府令第45号'],
    ['2018年3月7日张政字〔2018〕8号', '张政字〔2018〕8号'],
    ['2016年12月30日国家税务总局公告2016年第81号', '国家税务总局公告2016年第81号'],
    ['2017年3月1日财政部 税务总局公告2019年第39号', '财政部 税务总局公告2019年第39号'],
  ])('starts after a date written straight before it: %s', (text, want) => {
    expect(texts(text).join('|')).toBe(want);
  });

  it('keeps codes that begin with 日 when no date ends there (日照: 日政发)', () => {
    expect(texts('根据日政发〔2018〕3号')).toEqual(['日政发〔2018〕3号']);
    expect(texts('日照市人民政府令第118号')).toEqual(['日照市人民政府令第118号']);
  });

  it('leaves the date to the date recogniser', async () => {
    const { recognize } = await import('../../../recognition/recognize');
    expect(recognize('（2015年3月2日市人民政府令第45号公布）').map((m) => `${m.category}:${m.text}`)).toEqual([
      'date:2015年3月2日',
      'docno:市人民政府令第45号',
    ]);
  });

  it('does not look past a line break for the code', () => {
    expect(texts('文号\n济长政发〔2018〕8号')).toEqual(['济长政发〔2018〕8号']);
  });
});

describe('document numbers: what is not one', () => {
  it.each([
    '2018年8号文件',
    '中央1号文件',
    '第3号台风',
    '1号线',
    '人民路88号',
    '2号楼',
    '鲁ICP备05001234号',
    '鲁ICP备05001234号-1',
    '鲁公网安备 37030302000123号',
    '网站标识码:3703030001',
    '索引号:370303000-A/2018-00650',
    '电话:0533-2181234',
    // 令 without 第 is a decree's only after an issuer, and 公告 keeps its 第.
    '责令3号楼住户搬离',
    '下令1号',
    '张贴公告3号',
    '（2021）粤0111民初30063号',
    '判决书（2020）京01民终123号',
    '律函字〔2024〕第 001 号',
    '〔2018〕8号',
    '（2016—2020年）',
    '责令第2号',
    '命令第1号',
    '发布公告第1号',
    '会员等级第3号权益',
    '张政字〔18〕8号',
    '张政字〔2018〕号',
  ])('%s', (text) => {
    expect(texts(text)).toEqual([]);
  });
});

describe('document numbers laid out by a page source', () => {
  it('reads a run of source spaces between inline pieces as the one space a browser shows', () => {
    const text = '国土资发〔        2013      〕       21     号';
    expect(texts(text)).toEqual([text]);
    expect(texts('国土资发〔 2013 〕\u3000\u3000\u300021号')).toEqual([]);
  });
});

describe('document numbers wrapped across printed lines (a report converted from PDF, a block per line)', () => {
  // A long line of prose before the break: the line was wrapped by its width, not ended.
  const LONG = '为进一步做好全区规范性文件管理工作，根据';
  it.each([
    ['国发〔2015〕\n68号', '国发〔2015〕\n68号'],
    ['国发\n〔2015〕68号', '国发\n〔2015〕68号'],
    ['国发〔2015〕68\n号', '国发〔2015〕68\n号'],
    ['国发〔\n2015〕68号', '国发〔\n2015〕68号'],
    ['国发〔2015〕\n \n  68号', '国发〔2015〕\n \n  68号'],
    ['市人民政府令\n第45号', '市人民政府令\n第45号'],
    ['国务院令第\n699号', '国务院令第\n699号'],
    ['国家税务总局公告2018年\n第5号', '国家税务总局公告2018年\n第5号'],
  ])('%j', (wrapped, number) => {
    expect(texts(`${LONG}${wrapped}文件精神，现通知如下。`)).toEqual([number]);
  });

  it('joins no short line to the next: a table cell or a label ends where it ends', () => {
    expect(texts('国发〔2015〕\n68号文件')).toEqual([]);
    expect(texts('文号：国发\n〔2015〕68号')).toEqual([]);
    expect(texts(`${LONG}国发〔2015〕\n\n\n\n\n\n\n\n\n\n68号`)).toEqual([]);
  });
});

describe('document numbers: offsets', () => {
  it('index the original text, spaces and all', () => {
    const text = '根据\u00a0錫署辦傳發〔2012〕137\u3000號要求';
    const [m] = recognizeDocNumbers(text);
    expect(text.slice(m.start, m.end)).toBe('錫署辦傳發〔2012〕137\u3000號');
    expect(m.text).toBe(text.slice(m.start, m.end));
  });
});
