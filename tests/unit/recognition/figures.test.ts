import { describe, expect, it } from 'vitest';
import { recognizeFigures } from '../../../recognition/figures';
import { recognize } from '../../../recognition/recognize';

const figureTexts = (s: string): string[] =>
  recognize(s)
    .filter((m) => m.category === 'figure')
    .map((m) => m.text);

describe('figures: quantities of the rules', () => {
  it.each([
    '36项', '767家', '480余名', '2万余份', '1400多名', '5200余人次', '48.6%', '96.25%', '４８．６％', '13.1%', '53亿元',
    '48.4万元', '430余平方米', '60学时', '3个工作日', '24小时', '1,200人', '12个百分点', '47 件', '60平米', '300余万元',
    '3.5万亿', '1.2万人次', '303户次', '60场次', '2.5倍', '0.5‰', '18岁', '3个月', '30余次', '5000萬元', '130餘人',
    '10277條', '4個', '23個', '3000多人', '334項', '2280件', '77臺', '5處', '3類', '9場', '12張', '4種',
  ])('%s is one figure, spanning exactly itself', (figure) => {
    expect(figureTexts(`全年${figure}，`)).toEqual([figure]);
  });

  // Units outside the common lists (rules, Figures: "Any unit counts, also compound units and grades").
  it.each([
    '35微克/立方米', '0.05毫克/升', '1.2万千瓦时', '3.5亿千瓦时', '6.5级', '8级', '30日内', '15个工作日内', '24小时内',
    '3个月内', '120公里/小时', '1.2万元/人', '0.45吨标准煤/万元', '2.6万吨标准煤', '300兆瓦', '1.5吉瓦', '220千伏', '35μg/m³',
    '120km/h', '2.5mg/L', '95.5分', '30摄氏度', '38℃', '60分贝', '5星级', '500毫米', '3.2万平方公里', '1.5亿立方米', '130根',
    '2分钱', '40分钟', '30日', '3双', '12集', '4席', '50口', '200眼', '3孔', '180万剂', '120万剂次', '2针', '3档', '12讲', '5席位',
    '86.5公顷', '3000元/平方米', '6.5张/千人', '12.5万亩', '5000公斤', '20立方米/秒', '800兆帕', '10GB',
    // Denominators that are no unit on their own: the year, single-letter symbols.
    '1.8万元/年', '500m³/d', '3万吨/年', '2.4kWh/d',
    // Periods counted with 个 (以1个季度为1个纳税期).
    '1个纳税期', '2个申报期', '3个考核期', '4个周期', '2个学期', '3个年度', '1個納稅期',
  ])('%s is one figure, spanning exactly itself', (figure) => {
    expect(figureTexts(`全年${figure}，`)).toEqual([figure]);
  });

  it('reads a compound unit and a time limit', () => {
    expect(recognizeFigures('浓度为35微克/立方米')[0]).toMatchObject({ number: '35', unit: '微克/立方米', limit: '' });
    expect(recognizeFigures('人均1.2万元/人')[0]).toMatchObject({ magnitude: '万', unit: '元/人', value: 12000 });
    expect(recognizeFigures('应当在30日内作出')[0]).toMatchObject({ text: '30日内', unit: '日', limit: '内' });
    expect(recognizeFigures('5千吨')[0]).toMatchObject({ magnitude: '千', unit: '吨', value: 5000 });
    expect(recognizeFigures('5千米')[0]).toMatchObject({ magnitude: '', unit: '千米', value: 5 });
  });

  it('tells a day of the month from a number of days by what follows it', () => {
    expect(figureTexts('于19日晚8时召开')).toEqual([]);
    expect(figureTexts('期限届满30日时')).toEqual(['30日']);
  });

  it('ends a compound unit where the rate does: a slash between two counts joins nothing', () => {
    expect(figureTexts('办结3项/5项')[0]).toBe('3项');
    expect(figureTexts('专职12名/兼职8名')).toEqual(['12名', '8名']);
    expect(figureTexts('3个工作日以内')).toEqual(['3个工作日']);
  });

  // From a county's statistical communiqué (tests/fixtures/pages/yunhe-2022-statistical-bulletin-mirror.html).
  it('reads a change of a per-mille rate in 个千分点 as one figure', () => {
    expect(figureTexts('自然增长率为-3.19‰,比上年下降3.18个千分点。')).toEqual(['-3.19‰', '3.18个千分点']);
    expect(recognizeFigures('下降0.5千分点')[0]).toMatchObject({ text: '0.5千分点', unit: '千分点' });
  });

  it('takes the minus sign of a negative figure into its span and value, but not the dash of a range or a code', () => {
    expect(recognizeFigures('人口自然增长率为-3.19‰')[0]).toMatchObject({ text: '-3.19‰', number: '-3.19', value: -3.19, before: '为' });
    expect(figureTexts('增速分别为-9.4%、23.0%、－1.5%和−2%')).toEqual(['-9.4%', '23.0%', '－1.5%', '−2%']);
    expect(figureTexts('0-17岁、18-34岁户籍人口')).toEqual(['17岁', '34岁']);
    expect(figureTexts('增长5-10%,型号A-3台')).toEqual(['10%', '3台']);
  });

  it('takes the longest unit', () => {
    expect(recognizeFigures('3个工作日内').map((m) => m.unit)).toEqual(['个工作日']);
    expect(recognizeFigures('5200人次').map((m) => m.unit)).toEqual(['人次']);
    expect(recognizeFigures('提高12个百分点').map((m) => m.unit)).toEqual(['个百分点']);
    expect(recognizeFigures('430平方米').map((m) => m.unit)).toEqual(['平方米']);
  });

  it('reads number, value, magnitude, unit and 余/多', () => {
    expect(recognizeFigures('2万余份')[0]).toMatchObject({ number: '2', value: 20000, magnitude: '万', unit: '份', approx: '余' });
    expect(recognizeFigures('53亿元')[0]).toMatchObject({ number: '53', value: 5.3e9, magnitude: '亿', unit: '元', approx: '' });
    expect(recognizeFigures('1,200人')[0]).toMatchObject({ number: '1200', value: 1200, unit: '人' });
    expect(recognizeFigures('４８．６％')[0]).toMatchObject({ number: '48.6', value: 48.6, unit: '％' });
    expect(recognizeFigures('1400多名')[0]).toMatchObject({ approx: '多', unit: '名' });
    expect(recognizeFigures('300余万元')[0]).toMatchObject({ approx: '余', magnitude: '万', unit: '元', value: 3e6 });
  });

  it('leaves qualifiers outside the span and reports them', () => {
    const cases: Array<[string, string, string, string]> = [
      ['超过36项', '36项', '超过', ''],
      ['近8000名', '8000名', '近', ''],
      ['约30人左右', '30人', '约', '左右'],
      ['达70%以上', '70%', '达', '以上'],
      ['共9项', '9项', '共', ''],
      ['累计超过53亿元', '53亿元', '累计超过', ''],
      ['同比增长13.1%', '13.1%', '同比增长', ''],
      ['3个工作日以内', '3个工作日', '', '以内'],
    ];
    for (const [text, span, before, after] of cases) {
      const [m] = recognizeFigures(text);
      expect([m.text, m.before, m.after]).toEqual([span, before, after]);
    }
  });

  it('finds a figure split across inline elements once glued together', () => {
    expect(figureTexts('精简率达48.6%')).toEqual(['48.6%']);
  });
});

describe('figures: what is not one', () => {
  it.each([
    '2018年3月7日', '2018-03-12', '3月22日', '2017年', '2017年度', '2017年9月份', '14:30', '（2016—2020年）',
    '一、加强', '(一)加强', '1、加强', '1. 优化', '(1)加强', '（1）加强', '一是', '第一', '第6次会议', '第一季度', '两个确立',
    '三项制度', '十个一', '“2+26”城市', '12345热线', '1号线', '20.12.2017 07:04', '第1/1页', '第 3 次', '张政字〔2018〕8号',
    '索引号:370303000-A/2018-00650', '鲁ICP备05001234号', '电话:0533-2181234', '网站标识码:3703030001', '浏览次数:1024',
    '两次向相关单位', '九个分中心', '四次第一', '70周年', 'G20峰会', 'v1.2版', '2号楼', '人民路88号', '第3号台风',
    '7月10日至11日', '1/3的', '2018.3.12', '123456789012345件', '推动8部门', '22部門', '5G基站', '3D打印', '4K电视',
    '2分局', '1分院', '3方面', 'PM2.5浓度', 'PM10', '12345政务服务热线', '2+26城市', '第6.5级', '晚8时40分', '20时35分',
    '14时30分15秒', '12月18日晚8时40分和19日晚8时35分', '于19日上午召开', '19日9时',
    // Words that begin with a measure word of the seats, wells and doses list.
    '20针对', '1口岸', '3档案', '2讲话', '4口径',
    // Words that begin with 分 (a score's unit): a page's comment count beside its share button, and the like.
    '0 分享至', '3分配到', '2分类处置',
  ])('%s', (text) => {
    expect(figureTexts(text)).toEqual([]);
  });

  // A page's own view counter is no figure (rules, Figures: "page counters"), also when it carries a unit and comes
  // first, as a field of the byline; the same words in prose are a stated quantity.
  it.each([
    ['来源：广东省政府网站 | 时间：2024-03-12 | 3147 次浏览 | 分享到：', []],
    ['发布时间：2024-03-12　1024人阅读', []],
    ['2024-03-12 15:32\n56次点击\n', []],
    ['推文获得3147次浏览，', ['3147次']],
    ['全年开展普法活动 36 次，', ['36 次']],
    ['政府网站访问量达1.2万次 ', ['1.2万次']],
    ['累计吸引5200人次观看，', ['5200人次']],
  ])('view counter or count in prose: %s', (text, figures) => {
    expect(figureTexts(text)).toEqual(figures);
  });

  it('does not take the digits of a document number, a date or a year', () => {
    expect(figureTexts('国家税务总局公告2026年第6号发布3项')).toEqual(['3项']);
    expect(figureTexts('2017年共召开调度会36次')).toEqual(['36次']);
  });

  it('does not cross a line break between number and unit', () => {
    expect(figureTexts('36\n项')).toEqual([]);
  });
});

describe('figures laid out by a page source', () => {
  it('reads a run of source spaces between number and unit as one space', () => {
    expect(figureTexts('审查文件47\t      件，')).toEqual(['47\t      件']);
    expect(figureTexts('审查文件47\u3000\u3000件，')).toEqual([]);
  });
});

describe('figures: offsets', () => {
  it('index the original text', () => {
    const text = '审查规范性文件\u00a047\u3000件，其中';
    const [m] = recognizeFigures(text);
    expect(m.text).toBe('47\u3000件');
    expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('figures across the printed lines of a report converted from PDF', () => {
  it('join a number at the end of a long line of prose to its unit on the next line', () => {
    const text = '地方一般公共预算收入达到 6.6 \n \n亿元,同口径年均增长 10.8%;\n现代农业园区建成高标准农田 13 万\n \n亩,新增耕地 7000 亩';
    expect(recognizeFigures(text).map((m) => m.text.replace(/\s+/g, ''))).toEqual([
      '6.6亿元',
      '10.8%',
      '13万亩',
      '7000亩',
    ]);
  });

  it('leave a short block, a code and a line that ends a paragraph without a unit after it alone', () => {
    expect(figureTexts('合计 783\n张三负责')).toEqual([]);
    expect(figureTexts('索引号：MB1598451/2023-11279\n分类：法治政府建设')).toEqual([]);
    expect(figureTexts('全区共有学校数量统计如下 58\n一、基本情况')).toEqual([]);
  });

  // A text extracted from a Word file prints each run in another font (the digits) on a line of its own.
  it('join a number alone on its line, between the line of prose it continues and its unit, to the unit', () => {
    const text = '本区到年底累计主动公开政府信息\n5928\n \n条,全文电子化率达\n90.3%\n,其中,本年度新增主动公开政府信息\n2110\n条。';
    expect(recognizeFigures(text).map((m) => m.text.replace(/\s+/g, ''))).toEqual(['5928条', '90.3%', '2110条']);
  });

  it('leave a number alone on its line after a short line, a code or a finished sentence alone', () => {
    expect(figureTexts('项目\n5928\n条目说明')).toEqual([]);
    expect(figureTexts('索引号：MB1598451/2023-11279\n5928\n条')).toEqual([]);
    expect(figureTexts('全区共有学校数量统计如下表所示。\n5928\n条')).toEqual([]);
  });

  it('read a hyphen after a figure as the dash of a range of figures, not a minus sign', () => {
    expect(figureTexts('经济增长预期目标6.5%-7%，')).toEqual(['6.5%', '7%']);
    expect(figureTexts('人均补助1.2万元-1.5万元，')).toEqual(['1.2万元', '1.5万元']);
    expect(figureTexts('每村配备3名－5名，')).toEqual(['3名', '5名']);
    expect(figureTexts('每户补助300余元-500元，')).toEqual(['300余元', '500元']);
  });

  it('keep a minus sign after words, a comma or a bracket', () => {
    expect(figureTexts('增长率为-3.19‰,分别为-9.4%、-1.5%(-3.2%)')).toEqual(['-3.19‰', '-9.4%', '-1.5%', '-3.2%']);
  });
});
