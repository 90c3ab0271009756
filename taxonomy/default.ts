// The codebook Pizhu ships with. Scheme 1 follows the structure of 《法治政府建设实施纲要（2021—2025年）》: its eight
// 体系 (sections 二–九), then party leadership and the mechanisms for pushing the work forward (section 十), with the
// children the outline itself names. Scheme 2 holds the parts a 法治政府建设年度报告 is made of (the contents the
// 年度报告工作规定 requires, plus the formal parts of an official document). IRIs live under one base and never
// change; notations, labels and colours may.
import type { LocalizedText, Scheme, Taxonomy, Term } from '../model';
import { AREA_COLOURS, REPORT_COLOURS, childShade } from './palette';
import type { TaxonomyState } from './state';

export const TAXONOMY_BASE = 'https://pizhu.app/taxonomy/fzzf/2021';
export const DEFAULT_TAXONOMY_ID = TAXONOMY_BASE;
export const AREAS_SCHEME = `${TAXONOMY_BASE}/scheme/areas`;
export const REPORT_SCHEME = `${TAXONOMY_BASE}/scheme/report`;

interface Entry {
  slug: string;
  zh: string;
  en: string;
  note: LocalizedText;
  shortcut?: string;
  children?: Entry[];
}

const e = (slug: string, zh: string, en: string, noteZh: string, noteEn: string, shortcut?: string, children?: Entry[]): Entry => ({
  slug, zh, en, note: { zh: noteZh, en: noteEn }, shortcut, children,
});

const AREAS: Entry[] = [
  e('functions', '政府机构职能体系', 'Government functions and institutions',
    '健全政府机构职能体系：机构职能优化协同高效，深化“放管服”改革，加强事中事后监管，优化营商环境。',
    'Government functions: streamlined institutions, the “delegate, regulate, serve” reform, supervision during and after the fact, business environment.', '1', [
      e('functions/lists', '权责清单与事项清单', 'Lists of powers and licensing items',
        '权力清单、责任清单、行政许可事项清单、市场准入负面清单的编制与动态调整。',
        'Compiling and updating the lists of powers, responsibilities, licensing items and the market-access negative list.'),
      e('functions/streamlining', '“放管服”改革', 'Delegate, regulate, serve reform',
        '取消和下放审批事项，“一网通办”，证明事项告知承诺制，政务服务便利化。',
        'Cancelling and delegating approvals, one-stop online services, pledge-based certification, easier public services.'),
      e('functions/supervision', '事中事后监管', 'Supervision during and after the fact',
        '“双随机、一公开”监管、信用监管、包容审慎监管。',
        'Random inspections with public results, credit-based supervision, inclusive and prudent supervision.'),
      e('functions/business', '优化营商环境', 'Business environment',
        '落实营商环境法规政策，公平竞争审查，清理涉企收费。',
        'Implementing business-environment rules, fair-competition review, clearing charges on enterprises.'),
    ]),
  e('rules', '依法行政制度体系', 'Rules for lawful administration',
    '健全依法行政制度体系：政府立法，规章和行政规范性文件的制定、审核、备案与清理。',
    'Rules for lawful administration: government legislation; drafting, review, filing and clean-up of rules and normative documents.', '2', [
      e('rules/legislation', '政府立法', 'Government legislation',
        '立法计划、起草、公开征求意见、立法后评估。', 'Legislative plans, drafting, public consultation, post-legislative evaluation.'),
      e('rules/legality-review', '规范性文件合法性审核', 'Legality review of normative documents',
        '行政规范性文件出台前的合法性审核。', 'Checking normative documents for legality before they are issued.'),
      e('rules/filing-review', '规范性文件备案审查', 'Filing and review of normative documents',
        '规范性文件报备与备案审查，有件必备、有备必审、有错必纠。', 'Filing normative documents and reviewing what is filed; every document filed, every filing reviewed, every error corrected.'),
      e('rules/clean-up', '文件清理', 'Clean-up of rules and documents',
        '对规章、规范性文件的定期清理和专项清理。', 'Periodic and targeted clean-up of rules and normative documents.'),
    ]),
  e('decisions', '行政决策制度体系', 'Administrative decision-making',
    '健全行政决策制度体系：依法决策，重大行政决策程序，决策执行和评估。',
    'Decision-making: deciding according to law, the procedure for major decisions, implementation and evaluation.', '3', [
      e('decisions/major-procedure', '重大行政决策程序', 'Procedure for major decisions',
        '公众参与、专家论证、风险评估、合法性审查、集体讨论决定；重大行政决策事项目录。',
        'Public participation, expert consultation, risk assessment, legality review and collective decision; the catalogue of major decisions.'),
      e('decisions/legality-review', '合法性审查', 'Legality review of decisions and contracts',
        '对重大行政决策、行政合同和其他重要文件的合法性审查。', 'Legality review of major decisions, administrative contracts and other important documents.'),
      e('decisions/counsel', '法律顾问和公职律师', 'Legal advisers and government lawyers',
        '政府法律顾问、公职律师的配备和作用发挥。', 'Appointing government legal advisers and in-house lawyers and using their advice.'),
      e('decisions/evaluation', '决策执行与后评估', 'Implementation and review of decisions',
        '决策执行情况跟踪、决策后评估、决策责任追究。', 'Tracking implementation, evaluating decisions afterwards, accountability for decisions.'),
    ]),
  e('enforcement', '行政执法工作体系', 'Administrative law enforcement',
    '健全行政执法工作体系：严格规范公正文明执法。', 'Law enforcement: strict, standardised, fair and civil enforcement.', '4', [
      e('enforcement/reform', '综合执法改革', 'Reform of enforcement structures',
        '综合行政执法改革，执法权下放乡镇（街道），执法力量整合。', 'Comprehensive enforcement reform, enforcement powers devolved to townships and sub-districts, merged enforcement teams.'),
      e('enforcement/three-systems', '行政执法三项制度', 'The three enforcement systems',
        '行政执法公示、执法全过程记录、重大执法决定法制审核。', 'Publicising enforcement, recording the whole enforcement process, legal review of major enforcement decisions.'),
      e('enforcement/qualification', '执法人员资格管理', 'Qualification of enforcement officers',
        '行政执法证件管理、持证上岗、执法人员培训考试。', 'Enforcement certificates, certified officers only, training and examination of officers.'),
      e('enforcement/discretion', '行政裁量权基准', 'Discretion benchmarks',
        '行政裁量权基准的制定、公布和适用。', 'Setting, publishing and applying benchmarks for administrative discretion.'),
      e('enforcement/key-fields', '重点领域执法', 'Enforcement in key fields',
        '食品药品、安全生产、生态环境、自然资源等重点领域的执法。', 'Enforcement in key fields such as food and drugs, work safety, environment and natural resources.'),
      e('enforcement/methods', '执法方式创新', 'New enforcement methods',
        '柔性执法，轻微违法不罚、首违不罚清单，说服教育、劝导示范。', 'Soft enforcement, no-penalty lists for minor and first offences, persuasion and guidance.'),
    ]),
  e('emergencies', '突发事件应对体系', 'Emergency response',
    '健全突发事件应对体系：依法预防处置重大突发事件。', 'Emergency response: preventing and handling major emergencies according to law.', '5', [
      e('emergencies/plans', '应急制度与预案', 'Emergency rules and plans',
        '应急管理制度，应急预案的制定、修订和演练。', 'Emergency management rules; drafting, revising and rehearsing emergency plans.'),
      e('emergencies/handling', '依法处置突发事件', 'Lawful handling of emergencies',
        '依法采取应急措施，疫情防控、自然灾害和事故处置中的依法行政。', 'Lawful emergency measures in epidemics, natural disasters and accidents.'),
      e('emergencies/participation', '基层与社会力量参与', 'Community and social participation',
        '引导、规范基层组织和社会力量参与突发事件应对。', 'Guiding grassroots organisations and social forces that take part in emergency response.'),
    ]),
  e('disputes', '社会矛盾纠纷行政预防调处化解体系', 'Preventing and resolving disputes',
    '健全社会矛盾纠纷行政预防调处化解体系：调解、裁决、复议、应诉。', 'Disputes: administrative mediation, adjudication, reconsideration and litigation.', '6', [
      e('disputes/mediation', '行政调解', 'Administrative mediation',
        '行政调解，以及与人民调解、司法调解的联动。', 'Administrative mediation and its links with people’s and judicial mediation.'),
      e('disputes/adjudication', '行政裁决', 'Administrative adjudication',
        '对特定民事纠纷的行政裁决。', 'Administrative rulings on specified civil disputes.'),
      e('disputes/reconsideration', '行政复议', 'Administrative reconsideration',
        '行政复议体制改革，复议案件的受理、审理和纠错。', 'Reform of reconsideration, accepting and hearing cases, correcting wrong decisions.'),
      e('disputes/litigation', '行政应诉', 'Responding to administrative lawsuits',
        '行政机关负责人出庭应诉，败诉案件分析，司法建议的落实。', 'Heads of agencies appearing in court, analysis of lost cases, acting on judicial recommendations.'),
      e('disputes/petitions', '信访工作法治化', 'Petitions under the rule of law',
        '依法分类处理信访诉求。', 'Handling petitions by category according to law.'),
    ]),
  e('oversight', '行政权力制约和监督体系', 'Checks on administrative power',
    '健全行政权力制约和监督体系：促进行政权力规范透明运行。', 'Checks and supervision: making administrative power run by the rules and in the open.', '7', [
      e('oversight/combined', '监督合力', 'Combined supervision',
        '党内监督、人大监督、民主监督、司法监督、审计监督、社会监督和舆论监督。',
        'Supervision by the Party, the people’s congress, consultative bodies, courts, audit, society and the media.'),
      e('oversight/inspection', '政府督查', 'Government inspection', '政府督查工作。', 'Inspections by the government of its own departments.'),
      e('oversight/enforcement', '行政执法监督', 'Supervision of enforcement',
        '行政执法协调监督工作体系，执法案卷评查，执法监督检查。', 'The enforcement supervision system, review of case files, supervisory checks.'),
      e('oversight/openness', '政务公开', 'Open government',
        '主动公开、依申请公开，政府信息公开工作年度报告。', 'Proactive disclosure, disclosure on request, annual open-government-information reports.'),
      e('oversight/integrity', '政务诚信', 'Government integrity',
        '政务诚信建设，治理政府失信行为，清理拖欠企业账款。', 'Government good faith, curbing broken promises, paying arrears owed to enterprises.'),
    ]),
  e('technology', '法治政府建设科技保障体系', 'Technology for law-based government',
    '健全法治政府建设科技保障体系：全面建设数字法治政府。', 'Technology: building a digital law-based government.', '8', [
      e('technology/platforms', '信息化平台建设', 'Digital platforms',
        '一体化政务服务平台、行政执法和执法监督信息平台。', 'Integrated public-service platforms, enforcement and enforcement-supervision platforms.'),
      e('technology/data-sharing', '政务数据共享', 'Government data sharing',
        '政务数据有序共享，电子证照应用。', 'Orderly sharing of government data, electronic licences and certificates.'),
      e('technology/online-enforcement', '“互联网+”监管执法', 'Internet Plus supervision and enforcement',
        '非现场监管、移动执法、智慧监管。', 'Off-site supervision, mobile enforcement, smart supervision.'),
    ]),
  e('leadership', '党的领导', 'Party leadership',
    '加强党对法治政府建设的领导。', 'Strengthening the Party’s leadership of building a law-based government.', '9', [
      e('leadership/first-responsibility', '第一责任人职责', 'Principal leaders’ first responsibility',
        '党政主要负责人履行推进法治建设第一责任人职责。', 'Principal Party and government leaders carrying out their duty as first responsible for the rule of law.'),
      e('leadership/deliberation', '研究部署', 'Deliberation and planning',
        '党委（党组）会议、政府常务会议研究部署法治政府建设。', 'Party committee and executive meetings deliberating on and planning the work.'),
    ]),
  e('mechanisms', '推进机制', 'Mechanisms for advancing the work',
    '完善法治政府建设推进机制：组织保障和落实机制。', 'Mechanisms: organisation and follow-through for building a law-based government.', '0', [
      e('mechanisms/inspection', '法治督察', 'Rule-of-law inspection', '法治政府建设督察。', 'Inspections of how the work on law-based government is done.'),
      e('mechanisms/assessment', '考核评价', 'Assessment', '法治政府建设纳入政绩考核，考核结果运用。', 'Counting the work in performance assessment and using the results.'),
      e('mechanisms/annual-report', '年度报告制度', 'Annual reporting',
        '法治政府建设年度报告的报送和公开。', 'Submitting and publishing the annual report on law-based government.'),
      e('mechanisms/model-building', '示范创建', 'Model-building',
        '法治政府建设示范创建活动。', 'Campaigns for model law-based governments.'),
      e('mechanisms/capacity', '学法用法与能力建设', 'Legal learning and capacity',
        '领导干部学法（会前学法）、法治培训，提升法治思维和依法行政能力。', 'Leaders studying law (including before meetings), legal training, the ability to govern according to law.'),
      e('mechanisms/publicity', '法治宣传教育', 'Legal publicity and education',
        '普法责任制（谁执法谁普法），法治宣传。', 'Responsibility for legal education (whoever enforces educates), publicity on the rule of law.'),
    ]),
];

const REPORT: Entry[] = [
  e('report/doc-number', '发文字号', 'Document number', '报告或文件的发文字号。', 'The document number of the report or document.'),
  e('report/addressee', '主送机关', 'Addressee', '报告的主送机关，如上级政府、本级人大常委会。', 'Who the report is addressed to, e.g. the higher-level government or the people’s congress.'),
  e('report/overview', '总体情况', 'Overview', '开篇的总体情况和概述。', 'The opening overview of the year’s work.', 'z'),
  e('report/measures', '主要举措', 'Measures taken', '为推进法治政府建设所做的工作和采取的措施。', 'What was done and which measures were taken.', 'j'),
  e('report/results', '成效与数据', 'Results and figures', '取得的成效，包括数字、比例和同比变化。', 'What was achieved, with numbers, percentages and year-on-year changes.', 'c'),
  e('report/first-responsibility', '第一责任人履职', 'Principal leaders’ duties',
    '党政主要负责人履行推进法治建设第一责任人职责的情况（年度报告的规定内容）。', 'How the principal leaders carried out their first responsibility (a required part of the annual report).', 'd'),
  e('report/problems', '存在问题', 'Problems and causes', '存在的不足和原因。', 'Shortcomings and their causes.', 'w'),
  e('report/next-steps', '下一步工作打算', 'Next steps', '下一年度推进法治政府建设的主要安排。', 'The main plans for the coming year.', 'x'),
  e('report/signature', '落款与日期', 'Signature and date', '落款机关和成文日期。', 'The issuing body’s signature and the date.', 'l'),
  e('report/attachments', '附件', 'Attachments', '报告所附的附件和附表。', 'Attachments and annexed tables.'),
];

const SCHEMES: Scheme[] = [
  {
    id: AREAS_SCHEME,
    label: { zh: '工作领域', en: 'Work areas' },
    scopeNote: { zh: '依《法治政府建设实施纲要（2021—2025年）》的结构划分。', en: 'Following the structure of the Outline for Building a Law-Based Government (2021–2025).' },
    order: 0,
  },
  {
    id: REPORT_SCHEME,
    label: { zh: '报告结构', en: 'Report structure' },
    scopeNote: { zh: '法治政府建设年度报告等公文的组成部分。', en: 'The parts of an annual report on law-based government and of official documents.' },
    order: 1,
  },
];

function build(entries: Entry[], scheme: string, colours: readonly string[], prefix: string): Term[] {
  const terms: Term[] = [];
  entries.forEach((top, i) => {
    const notation = `${prefix}${i + 1}`;
    const parent = termFrom(top, scheme, notation, colours[i], i);
    terms.push(parent);
    top.children?.forEach((child, j) =>
      terms.push({ ...termFrom(child, scheme, `${notation}.${j + 1}`, childShade(parent.color, j), j), parent: parent.id }),
    );
  });
  return terms;
}

function termFrom(entry: Entry, scheme: string, notation: string, color: string, order: number): Term {
  return {
    id: `${TAXONOMY_BASE}/term/${entry.slug}`,
    taxonomyId: DEFAULT_TAXONOMY_ID,
    scheme,
    notation,
    label: { zh: entry.zh, en: entry.en },
    color,
    scopeNote: { ...entry.note },
    order,
    ...(entry.shortcut ? { shortcut: entry.shortcut } : {}),
  };
}

/** A fresh copy each call, so that callers may edit what they get. */
export function defaultTaxonomy(): TaxonomyState {
  const taxonomy: Taxonomy = {
    id: DEFAULT_TAXONOMY_ID,
    label: { zh: '法治政府建设（纲要 2021—2025）', en: 'Law-based government (Outline 2021–2025)' },
    schemes: SCHEMES.map((s) => ({ ...s })),
    version: 1,
    modified: '2025-01-01T00:00:00.000Z',
  };
  return { taxonomy, terms: [...build(AREAS, AREAS_SCHEME, AREA_COLOURS, ''), ...build(REPORT, REPORT_SCHEME, REPORT_COLOURS, 'R')] };
}
