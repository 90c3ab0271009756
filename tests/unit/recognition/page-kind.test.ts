// The page-kind classifier on the features of pages of genres first met on unseen real pages (tests/fixtures:
// statistical communiqués, budget reports laid before a congress, regulations on law-text mirrors), each cut short
// the way a stored copy or a page's first screen is.
import { describe, expect, it } from 'vitest';
import { withoutPinyinGlosses } from '../../../recognition/chars';
import { classifyPage, type PageFeatures } from '../../../recognition/page-kind';

const HAN = /\p{Script=Han}/gu;
function features(title: string, lines: string[]): PageFeatures {
  const mainText = [title, ...lines].join('\n');
  return { title, mainText, articleHan: mainText.match(HAN)?.length ?? 0, linkDensity: 0, hasMetadata: false };
}

const bulletin = [
  '2022年,全县上下坚持稳中求进工作总基调,全县经济稳定恢复、持续向好,人民福祉不断改善。',
  '一、综合',
  '初步核算,全年全县地区生产总值341881万元,比上年增长7.23%。其中,第一产业增加值56789万元,增长5.25%;第二产业增加值80349万元,增长19.44%。',
];

describe('statistical communiqués (统计公报), one of the kinds of official documents', () => {
  it('are documents by their title', () => {
    expect(classifyPage(features('2022年和政县国民经济和社会发展统计公报', bulletin)).kind).toBe('document');
  });

  it('are documents when a mirror writes the year after the title (…统计公报 2022)', () => {
    expect(classifyPage(features('2022年云和县国民经济和社会发展统计公报 2022', bulletin)).kind).toBe('document');
  });

  it('news about a communiqué stays none', () => {
    expect(classifyPage(features('县统计局发布2022年国民经济和社会发展统计公报', bulletin)).kind).toBe('none');
  });
});

describe('a title labelled as the full text (全文, 原文), as document-sharing and news sites label it', () => {
  const report = [
    '各位代表:',
    '我代表区人民政府,向大会作政府工作报告,请予审议,并请政协各位委员和其他列席人员提出意见。',
    '2021年,全区实现地区生产总值468亿元,增长4.1%;规模以上工业总产值847亿元,增长2.2%。',
  ];
  it.each(['2022年珠海市斗门区政府工作报告—全文', '2022年斗门区政府工作报告——全文', '2022年斗门区政府工作报告-全文', '2022年斗门区政府工作报告全文', '2022年斗门区政府工作报告_原文'])(
    '%s is a report',
    (title) => {
      expect(classifyPage(features(title, report)).kind).toBe('report');
    },
  );

  it.each(['政府信息公开年度工作报告范文', '区政府工作报告范本', '2022年法治政府建设情况报告模板'])(
    '%s, a report offered as a model, is a report',
    (title) => {
      expect(classifyPage(features(title, report)).kind).toBe('report');
    },
  );

  it('the label does not hide a news verb or an interpretation', () => {
    expect(classifyPage(features('区政府发布2022年政府工作报告全文', report)).kind).toBe('none');
    expect(classifyPage(features('2022年政府工作报告解读—全文', report)).kind).toBe('none');
  });

  it('nor does a bracketed label the title core strips: an interpretation says so there as well', () => {
    expect(classifyPage(features('某区2023年法治政府建设年度报告（政策问答）', report))).toEqual({ kind: 'none', reason: 'interpretation' });
    expect(classifyPage(features('【图解】某区2023年法治政府建设年度报告', report))).toEqual({ kind: 'none', reason: 'interpretation' });
    expect(classifyPage(features('一图看懂2023年政府工作报告', report))).toEqual({ kind: 'none', reason: 'interpretation' });
    // A label that says nothing of the kind leaves the report a report.
    expect(classifyPage(features('某区2023年法治政府建设年度报告（全文）', report)).kind).toBe('report');
  });

  it('a press conference about a report is no report, however much of it the answers quote', () => {
    expect(classifyPage(features('2022年法治政府建设情况报告记者招待会', report))).toEqual({ kind: 'none', reason: 'interpretation' });
  });
});

describe('official writing told by its formulas when the text is short', () => {
  it('a budget report laid before a congress (受…委托，现将…提请…审议) is a report', () => {
    const lines = [
      '各位代表:',
      '受区人民政府委托,现将2021年财政预算执行情况及2022年财政预算草案提请各位代表审议,并请区政协各位委员提出意见。',
      '一、2021年财政预算执行情况',
      '2021年全区一般公共预算收入完成147.1亿元,完成年度预算的100.2%,同比增长7.2%。',
    ];
    expect(classifyPage(features('财政报告', lines)).kind).toBe('report');
  });

  // An audit work report (审计工作报告) as a county site republishes the province's, cut short by its stored copy:
  // no 现将…报告如下, no second numbered section yet, under 800 characters.
  const auditOpening =
    '去年以来,省审计厅坚持以习近平新时代中国特色社会主义思想为指导,依法审计了2019年度省级预算执行和其他财政收支情况。审计结果表明,2019年省级财政预算执行和其他财政收支情况总体良好。';
  const auditFigures = '——财政运行总体平稳。全省一般公共预算收入和支出分别增长4.53%、9.97%,省级财政均衡性转移支付增长15.7%。';
  const auditTitle = '关于2019年度省级预算执行和其他财政收支的审计工作报告';

  it('a report to a standing committee closing its first sentence with 请审议 (or 请予审查) is a report', () => {
    const request = '我受省人民政府委托,向省人大常委会报告2019年度省级预算执行和其他财政收支的审计情况,请审议。';
    expect(classifyPage(features(auditTitle, [request, auditOpening, auditFigures])).kind).toBe('report');
    const review = request.replace('请审议', '请予审查');
    expect(classifyPage(features(auditTitle, [review, auditOpening, auditFigures])).kind).toBe('report');
  });

  it('a report to a congress told by its salutation on a line of its own (…秘书长,各位委员:) is a report', () => {
    const salutation = '主任、各位副主任、秘书长,各位委员:';
    expect(classifyPage(features(auditTitle, [salutation, auditOpening, auditFigures])).kind).toBe('report');
  });

  it('the 请 of 申请 before 审查, and 各位委员: opening a quotation inside a line, tell nothing', () => {
    const applying = '申请人提交的材料经审查符合条件的,予以登记。';
    expect(classifyPage(features(auditTitle, [applying, auditOpening, auditFigures])).kind).toBe('none');
    const quoting = '会上,主任对各位委员:“要把审计整改情况作为监督重点。”';
    expect(classifyPage(features(auditTitle, [quoting, auditOpening, auditFigures])).kind).toBe('none');
  });

  it('a decree promulgating a regulation (现予公布，自…起施行) is a document', () => {
    const lines = [
      '政府令〔2010〕第15号',
      '《河北省人工影响天气管理规定》已经省政府常务会议通过,现予公布,自2011年2月1日起施行。',
      '省长',
      '第一条为加强对人工影响天气工作的管理,防御和减轻气象灾害,保障人民群众生命财产安全,制定本规定。',
    ];
    expect(classifyPage(features('河北省人工影响天气管理规定', lines)).kind).toBe('document');
  });

  it('a regulation set out in articles (第一条, 第二条) is a document', () => {
    const lines = [
      '第一条为加强对人工影响天气工作的管理,防御和减轻气象灾害,结合本省实际,制定本规定。',
      '第二条本规定所称人工影响天气,是指为避免或者减轻气象灾害,合理利用气候资源的活动。',
      '第三条在本省行政区域内从事和管理人工影响天气活动,应当遵守本规定。',
    ];
    expect(classifyPage(features('河北省人工影响天气管理规定', lines)).kind).toBe('document');
  });

  it('a short opinion in traditional script is a document by its addressees (各區、縣級市人民政府…：)', () => {
    const lines = [
      '穗府〔2011〕15號',
      '各區、縣級市人民政府,市政府各部門、各直屬機構:',
      '為增強我市對國內外資本的吸引力,發揮招商引資在產業轉型升級中的作用,現提出如下指導意見:',
      '一、總體要求',
    ];
    expect(classifyPage(features('關于進一步加強招商引資促進產業轉型升級的指導意見', lines)).kind).toBe('document');
  });

  it('a short text under a document title without any such formula stays none', () => {
    const lines = ['本站整理了有关人工影响天气的规定,供大家参考。', '欢迎下载。'];
    expect(classifyPage(features('河北省人工影响天气管理规定', lines)).kind).toBe('none');
  });
});

describe("a title printed with the document's own number", () => {
  const notice = [
    '各区人民政府,市政府各委、办、局,各市属机构:',
    '《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。',
    '北京市人民政府办公厅',
    '2016年5月28日',
  ];
  it.each([
    '京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》',
    '《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》',
    '北京市人民政府办公厅关于印发北京市2016年政务公开工作要点的通知 京政办发〔2016〕26号',
    '北京市人民政府办公厅关于印发北京市2016年政务公开工作要点的通知_京政办发[2016]26号',
    '京政办发〔2016〕26号 北京市人民政府办公厅关于印发北京市2016年政务公开工作要点的通知',
  ])('%s is a document', (title) => {
    expect(classifyPage(features(title, notice)).kind).toBe('document');
  });

  it('the number does not hide a news verb, and a cited title in 《》 is no title of the page', () => {
    expect(classifyPage(features('京政办发〔2016〕26号 市政府发布政务公开工作要点的通知', notice)).kind).toBe('none');
    expect(classifyPage(features('市政府印发《北京市2016年政务公开工作要点》', notice)).kind).toBe('none');
  });
});

describe('a report published as an attachment (附件下载): its page carries the title and metadata, not the text', () => {
  const opening =
    '2023年,静海区坚持以习近平新时代中国特色社会主义思想为指导,认真学习党的二十大精神,全面贯彻习近平法治思想,按照《静海区法治政府建设实施纲要(2021—2025年)》目标要求,加快构建职责明确、依法行政的政府治理体系,全面建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府,为静海区推进高质量发展“十项行动”提供坚强法治保障。';
  const withMetadata = (f: PageFeatures): PageFeatures => ({ ...f, hasMetadata: true });

  it('an opening paragraph and the attachments under the metadata table is none', () => {
    const page = withMetadata(features('静海区2023年度法治政府建设情况报告', [opening, '报告全文请见附件。', '附件下载:', '静海区2023年度法治政府建设情况报告.pdf']));
    expect(classifyPage(page)).toEqual({ kind: 'none', reason: 'short text under a report title' });
  });

  it('the report’s text under the metadata table stays a report, even cut after its first section', () => {
    const text = [
      '一、全县收支决算情况',
      '(一)一般公共预算。',
      '2021年全县一般公共预算本级收入238965万元,增长3.98%,加上:上年结转4550万元、上级补助收入318586万元、地方政府债券转贷收入268000万元、调入资金98065万元、动用预算稳定调节基金1227万元,收入总计929393万元。全县一般公共预算本级支出623396万元,下降11.44%,加上:上解支出33067万元、债务还本支出268007万元、安排预算稳定调节基金365万元、年终结余4558万元(其中:本级791万元),支出总计929393万元。',
      '与2021年执行数(县第十九届人民代表大会第一次会议上审查批准,下同)相比,有以下变化。一是收入增加3627万元,其中:本级收入增加365万元(税收增加146万元、非税增加219万元)、上级补助收入增加3262万元。二是本级支出增加1050万元、地方政府债务还本支出因收舍原因增加1万元、上解支出增加2162万元、增加安排稳定调节基金365万元。三是年终结余增加49万元。',
      '表1:2021年全县一般公共预算收支决算平衡表',
      '单位:万元',
      '收入 预算数 调整预算数 执行数 决算数 支出 预算 调整预算数 执行数 决算数',
    ];
    expect(classifyPage(withMetadata(features('丰都县人民政府关于2021年决算情况的报告', text))).kind).toBe('report');
  });

  it('a short notice still rests on its metadata', () => {
    const notice = ['各乡镇人民政府,县政府各部门:', '经县人民政府同意,现将有关事项通知如下:自2024年1月1日起,县政务服务中心周六上午开放办理不动产登记业务。'];
    expect(classifyPage(withMetadata(features('关于县政务服务中心延时服务的通知', notice))).kind).toBe('document');
  });
});

describe('the section structure of a report cut short, as sites indent it', () => {
  const nbsp = '\u00a0'.repeat(4);
  it('counts numbered sections behind &nbsp; indentation (a county bureau’s year-end report on a model-essay site)', () => {
    const lines = [
      `${nbsp}根据县委办公室要求,现将县教育体育局2020年度工作总结报告如下。`,
      `${nbsp}一、基本情况`,
      `${nbsp}2020年,全县共有各级各类学校487所。共有在校学生122203人,教职工8070人。`,
      `${nbsp}二、主要工作情况`,
      `${nbsp}一是教育投入不断增加。共完成教育固定资产投资6.1547亿元,完成年度目标任务的99.27%。`,
    ];
    expect(classifyPage(features('县教育体育局年终工作总结报告范本', lines)).kind).toBe('report');
  });

  it('counts subsections ((一), (二)) under a single numbered section (a city bureau’s rule-of-law report)', () => {
    const lines = [
      `${nbsp}一、2022年度法治政府建设的主要举措和成效`,
      `${nbsp}(一)切实加强政治引领,推动法治政府建设。组织全市1.19万人参加网络专题班学习,考核通过率100%。`,
      `${nbsp}(二)积极发挥职能作用,打造法治化营商环境。全市建成公共法律服务中心8个,公共法律服务工作站143个。`,
    ];
    expect(classifyPage(features('六安市司法局关于2022年法治政府建设情况的报告', lines)).kind).toBe('report');
  });

  it('a short text under a report title without such structure stays none', () => {
    const lines = ['近日,市司法局法治政府建设情况的报告在市政府网站公开,全文共分三个部分,市民可登录网站查阅。'];
    expect(classifyPage(features('市司法局2022年法治政府建设情况的报告', lines)).kind).toBe('none');
  });
});

describe('a listing whose items quote a report (search results, titles with abstracts)', () => {
  const abstract = [
    '静海区政务服务办始终坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神,全面贯彻习近平法治思想……',
    '现将法治政府建设工作完成情况报告如下:',
    '一、2022年度推进法治政府建设的主要举措和成效',
    '(一)深入落实“放管服”改革……',
  ];
  const title = '天津市静海区人民政府政务服务办公室2022年法治政府建设年度报告';

  it('is none, however much of the report its text holds', () => {
    expect(classifyPage({ ...features(title, abstract), listing: true })).toEqual({ kind: 'none', reason: 'listing' });
  });

  it('the same text as a page’s own article is a report', () => {
    expect(classifyPage(features(title, abstract)).kind).toBe('report');
  });
});

describe('a report on a mirror that glosses its characters with pinyin (建設(shè), 報(bào)告)', () => {
  const lines = [
    '2021年,自治區(qū)人民政府堅持以習近平新時代中國特色社會主義思想為指導,推動法治政府建設(shè)取得新進展。',
    '一、深入學習貫徹習近平法治思想,切實扛起法治政府建設(shè)的政治責任',
    '一是加強黨的領(lǐng)導。二是加強統(tǒng)籌部署。三是加強督察考核,制定153項整改措施,除3項外全部完成整改。',
    '二、持續(xù)深化“放管服”改革',
  ];

  it('is a report by its title, the gloss inside 報告 read past', () => {
    const title = '內(nèi)蒙古自治區(qū)人民政府關(guān)于2021年度法治政府建設(shè)情況的報(bào)告';
    expect(classifyPage(features(title, lines)).kind).toBe('report');
  });

  it('reads past glosses only: a bracketed abbreviation, list letter or unit stays', () => {
    expect(withoutPinyinGlosses('報(bào)告 國辦發(fā)〔2019〕54號 總量(GDP) 附件(a) 單位(元) 標準(zhǔn)')).toBe(
      '報告 國辦發〔2019〕54號 總量(GDP) 附件(a) 單位(元) 標準',
    );
  });
});

describe('the report formula in its other wordings (兹将, 特将…报告如下)', () => {
  it('makes a short text under a report title a report', () => {
    const lines = [
      '市人民政府:',
      '2021年,我局在市委、市政府的坚强领导下,扎实推进法治政府建设。兹将有关工作情况报告如下:',
      '一、主要举措和成效',
      '全年办理行政复议案件36件,培训执法人员480余名。',
    ];
    expect(classifyPage(features('市司法局2021年法治政府建设情况的报告', lines)).kind).toBe('report');
    lines[1] = lines[1].replace('兹将', '特将');
    expect(classifyPage(features('市司法局2021年法治政府建设情况的报告', lines)).kind).toBe('report');
  });
});

describe('a notice told by its own formulas when it has no numbered sections (its items a Markdown list)', () => {
  // A city education bureau's notice (tests/fixtures wenling-2011) with its sections' headings left out: the items
  // of a Markdown list carry no 一、 or 1、 of their own, so only the notice's addressees and its 现将…通知如下 tell.
  const items = [
    '选拔条件：原则上年龄40周岁以下，在本学科领域具有一定知名度和培养前途的中青年骨干教师。',
    '每个工作室确定6位成员。',
    '名师名校长带徒2位。',
  ];
  it('is read by addressees that are towns (各镇), not districts or counties', () => {
    const lines = ['各镇（街道）中小学、市直属学校、民办学校：', '为了更好地发挥名师名校长的传、帮、带作用，使师徒结对活动更有针对性。', ...items];
    expect(classifyPage(features('关于做好各类名师工作室成员及名师名校长师徒结对意向申报的通知', lines))).toEqual({ kind: 'document', reason: 'document title' });
  });
  it('is read by 现将…通知如下 however long the subject between them', () => {
    const lines = ['现将2011-2012年各类名师工作室成员及名师名校长师徒结对意向申报活动通知如下：', ...items];
    expect(classifyPage(features('关于做好各类名师工作室成员及名师名校长师徒结对意向申报的通知', lines))).toEqual({ kind: 'document', reason: 'document title' });
  });
  it('while news that gives such a notice in a sentence stays none', () => {
    const lines = ['记者从市教育局获悉，各镇（街道）中小学、市直属学校将于10月30日前申报名师工作室成员，每个工作室确定6位成员。'];
    expect(classifyPage(features('市教育局部署名师工作室成员申报工作', lines)).kind).toBe('none');
  });
});

describe('a disclosure package named for what it discloses (…决算公开), the report inside under its own heading', () => {
  const contents = ['目 录', '第一部分 决算报告', '第二部分 决算草案', '1、一般公共预算收入决算表', '2、一般公共预算支出决算表', '第三部分 相关说明'];
  const report = [
    '县人大常委会:',
    '我受县人民政府委托,向会议报告我县2023年财政决算草案和2024年上半年财政预算执行情况,请予审查。',
    '一、2023年财政决算情况',
    '(一)2023年一般公共预算收支概况',
    '2023年,全县一般公共预算地方收入完成82876万元,占年计划75000万元的110.5%,同比增长9.99% 。',
  ];
  const title = '2023年华容县政府决算公开';

  it('is a report by the report’s title broken over two lines under the table of contents', () => {
    const page = features(title, [...contents, '第一部分 决算报告', '关于2023年财政决算草案和2024年上半年', '财政预算执行情况的报告', ...report]);
    expect(classifyPage(page)).toEqual({ kind: 'report', reason: 'a report under its heading' });
  });

  it('is a report by a part headed 决算报告, or a red-head title spaced 报 告', () => {
    const opening = '2024年财政部门始终坚持以习近平新时代中国特色社会主义思想为指导,坚持积极的财政政策,加强收入管理。';
    const body = ['一、一般公共预算收支决算汇编情况', '1.收入情况。2024年实现财政收入总计346634万元,比上年减少18268万元,下降5%。'];
    expect(classifyPage(features('通道侗族自治县2024年政府决算公开', [...contents, '第一部分 决算报告', opening, ...body])).kind).toBe('report');
    expect(classifyPage(features(title, ['关于新邵县2023年财政决算草案的', '报 告', ...report])).kind).toBe('report');
  });

  it('报告 inside a sentence, a cited title in 《》 or an attachment line is no heading', () => {
    const cited = ['根据《2023年财政决算草案的报告》', '附件:关于2023年财政决算草案的报告', '区财政局向会议作了决算草案的报告。'];
    expect(classifyPage(features(title, [...cited, ...report]))).toEqual({ kind: 'none', reason: 'not an official document' });
  });

  it('a heading ending in 报告 over news without official writing is none', () => {
    const news = ['关于2023年财政决算草案的报告', '近日,县财政局在县政府网站公开了2023年财政决算,市民可登录网站查阅决算报表。', '据介绍,今年的决算公开内容更全,报表更细,县财政局还将在各乡镇便民服务中心放置纸质文本,方便群众查阅。'];
    expect(classifyPage(features(title, news))).toEqual({ kind: 'none', reason: 'not an official document' });
  });
});

describe('a disclosure report as a flipbook’s text-only page ("Page 9 - 2020年报_审计局")', () => {
  const lines = [
    '四、政府信息公开行政复议、行政诉讼情况',
    '2020 年,我单位对形成的政府信息实现了依法、有序公开,',
    '未出现申请行政复议、提起行政诉讼的情况。',
    '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    '五、存在的主要问题及改进情况',
    '2020 年,在区政府及上级主管部门的大力指导支持和我局',
    '各科室的全力配合协作下,我局政务公开和政府信息公开工作取',
    '得了一些成绩,但仍存在着一些短板和不足。',
  ];

  it('is a report by its title’s 年报, the short name of a 年度报告', () => {
    expect(classifyPage(features('审计局2020年报', lines)).kind).toBe('report');
    expect(classifyPage(features('審計局2020年報', lines)).kind).toBe('report');
  });

  it('reads the title past the page label, a part without a Chinese character, however long', () => {
    expect(classifyPage(features('Page 9 - 2020年报_审计局', lines)).kind).toBe('report');
    expect(classifyPage(features('Page 12 - 威海市文登区信访局2022年政府信息公开工作年度报告', lines)).kind).toBe('report');
  });

  it('a column named 年报 over a short text stays none', () => {
    expect(classifyPage(features('政府信息公开年报', ['本栏目发布本机关历年政府信息公开工作年度报告。']))).toMatchObject({ kind: 'none' });
  });
});
