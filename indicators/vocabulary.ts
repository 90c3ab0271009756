// The words indicator naming and grouping look for, simplified and traditional side by side. Each list says
// what a word does in a clause; docs/indicators-gold.md tells how the same conventions were used to label.

import { WordList } from '../recognition/words';

/**
 * Verbs that take what is counted as their object: 受理(行政复议案件36件), 培训(执法人员480余名), 推出(302个…事项).
 * A clause whose text before the figure ends in one of them names its object after the figure.
 */
export const ACTIONS = new WordList([
  '受理', '不予受理', '办理', '辦理', '新办理', '办结', '辦結', '审结', '審結', '结案', '結案', '立案', '收到', '新收', '接收',
  '审查', '審查', '审核', '審核', '备案', '備案', '报备', '報備', '报送', '報送', '废止', '廢止', '修改', '拟修改', '擬修改',
  '修订', '修訂', '制定', '新制定', '制发', '制發', '出台', '出臺', '印发', '印發', '发布', '發布', '公布', '清理', '取消',
  '新增', '保留', '下放', '承接', '调整', '調整', '动态调整', '動態調整', '精简', '精簡', '压缩', '壓縮', '减少', '減少',
  '培训', '培訓', '举办', '舉辦', '召开', '召開', '开展', '開展', '组织', '組織', '组织开展', '組織開展', '完成', '发放', '發放', '接受', '接待', '化解', '调解', '調解', '调处', '調處', '驳回', '駁回', '撤销', '撤銷', '维持',
  '維持', '纠正', '糾正', '约谈', '約談', '代理', '推出', '推动', '推動', '实现', '實現', '提出', '解决', '解決', '设立',
  '設立', '建立', '建成', '配备', '配備', '聘请', '聘請', '检查', '檢查', '抽查', '查处', '查處', '处罚', '處罰', '发起',
  '發起', '上线', '上線', '覆盖', '覆蓋', '申报', '申報', '确定', '確定', '入围', '入圍', '评选出', '評選出', '梳理确认',
  '梳理', '确认', '確認', '公开', '公開', '主动公开', '主動公開', '征求', '征集', '协助', '協助', '参与', '參與', '参加',
  '參加', '旁听', '旁聽', '刊发', '刊發', '发稿', '發稿', '提供', '严惩', '嚴懲', '核查', '协助核查', '拆除', '关停', '關停',
  '关停取缔', '關停取締', '取缔', '取締', '整改', '实施', '實施', '颁发', '頒發', '列席', '邀请', '邀請', '进行', '進行',
  '提交', '编制', '編制', '排查', '签订', '簽訂', '评查', '評查', '继续有效', '繼續有效', '细化', '細化', '增加', '新建', '建设', '建設', '落实', '落實', '作出', '做出', '举行', '舉行', '落地', '实行', '實行',
]);

/**
 * Words before the figure that only say how exact or how total it is (约36件, 达48.6%, 共计19项). They are
 * reported with the value and left out of the indicator. Change words (同比增长, 提高…) are not among them:
 * they say what the figure measures.
 */
export const QUALIFIERS_BEFORE = new WordList([
  '超过', '超過', '近', '约', '約', '大约', '大約', '约为', '約為', '达', '達', '达到', '達到', '共', '共计', '共計', '累计',
  '累計', '多达', '多達', '高达', '高達', '仅', '僅', '不少于', '不少於', '不低于', '不低於', '不足', '不到', '至少', '逾',
  '将近', '將近', '接近', '突破', '总计', '總計', '合计', '合計', '为', '為', '均为', '均為', '分别为', '分別為', '分别',
  '分別', '共有', '均达', '均達',
]);
/** 为 after these verbs is part of them (细化为78项, 调整为): not a copula to drop. */
export const BECOME_VERB_ENDS = '化成改变變作';

/** Words that change a figure into a rate of change of the previous one: 实际利用外资1.98亿美元,同比增长149.6%. */
export const CHANGE_WORDS = new Set([
  '同比增长', '同比增長', '同比下降', '同比上升', '同比减少', '同比減少', '同比提高', '环比增长', '環比增長', '增长', '增長',
  '下降', '提高', '减少', '減少', '降低', '上升', '增加', '较上年增长', '較上年增長', '比上年增长', '比上年增長',
]);

/**
 * Lead-ins at the start of a clause that name no part of the indicator: when (2019年, 全年), who when it is the
 * reporting government itself (全区, 我县), and adverbs (共, 累计, 依法, 先后, 率先…). Longer words listed
 * with them block a shorter lead-in inside a real word: 对外 is not 对 + 外, 就业 not 就 + 业.
 */
const LEAD_IN_WORDS = [
  '全区', '全區', '全县', '全縣', '全市', '全省', '全国', '全國', '全镇', '全鎮', '全旗', '我区', '我區', '我县', '我縣', '我市',
  '我省', '本区', '本區', '本县', '本縣', '本市', '全年', '今年', '年内', '年內', '当年', '當年', '本年', '同时', '同時', '另外',
  '此外', '其中', '目前', '截至目前', '截止目前', '已', '已经', '已經', '还', '還', '又', '并', '並', '均', '先后', '先後',
  '率先', '首次', '积极', '積極', '全面', '持续', '持續', '进一步', '進一步', '不断', '不斷', '严格', '嚴格', '认真', '認真',
  '扎实', '紮實', '共', '共计', '共計', '累计', '累計', '总计', '總計', '合计', '合計', '依法', '对', '對', '将', '將', '把',
  '就', '针对', '針對', '由', '含', '包括', '在全区', '在全區', '在全市', '在全县', '在全縣', '在全省', '按要求', '共有',
  '有', '现有', '現有', '经', '經', '高水平', '高水準', '分别', '分別', '圆满', '圓滿', '最终', '最終', '牵头', '牽頭',
];
const NOT_LEAD_INS = [
  '对外', '對外', '对接', '對接', '对照', '對照', '对象', '對象', '对标', '對標', '对于', '對於', '就业', '就業', '就近',
  '将近', '將近', '将来', '將來', '由于', '由於', '有效', '有关', '有關', '有序', '有力', '有机', '有機', '有益', '并联',
  '並聯', '还原', '還原', '含量', '共享', '共建', '共同', '共性', '共治', '共商', '共识', '共識', '共用', '依法行政',
  '依法治区', '依法治區', '依法治国', '依法治國', '依法治市', '依法治县', '依法治縣', '依法执政', '依法執政', '经营', '經營',
  '经济', '經濟', '经费', '經費', '经验', '經驗', '全面依法', '均衡', '已有', '有些',
];
export const LEAD_INS = new WordList([...LEAD_IN_WORDS, ...NOT_LEAD_INS]);
export const NOT_LEAD_IN = new Set(NOT_LEAD_INS);

/**
 * Adverbs that sit between a subject and its verb (各级行政复议机关依法办理…, 张店区共收到…): the indicator
 * starts after the last one in its clause.
 */
export const PREDICATE_MARKERS = new WordList(['依法', '共计', '共計', '共', '累计', '累計', '先后', '先後', '总计', '總計', '合计', '合計']);

/** The reporter and its catch-all quantifiers, dropped wherever they stand: 梳理确认我区各类政务服务事项清单. */
export const SELF_REFERENCES = ['我区', '我區', '我县', '我縣', '我市', '我省', '本区', '本區', '本县', '本縣', '各类', '各類', '各项', '各項', '各种', '各種'];

/** Words that join two counted things in one clause: 182项涉企经营事项、16项证明和67项申请材料. */
export const CONNECTORS = new WordList(['、', '和', '及', '与', '與', '以及', '并', '並', '或']);
/** Words in which a connector character is no connector. */
export const NOT_CONNECTORS = new WordList(['和谐', '和諧', '及时', '及時', '参与', '參與', '与会', '與會', '给予', '給予', '并联', '並聯', '或者']);

/** Counts named after a clause's previous figure: …讲座36场受众4万余人 counts the audience of the lectures. */
export const ATTRIBUTES = new Set(['受众', '受眾']);

/** Nouns that only say "the count of" at the end of a name: 政府规范性文件清理总数. */
export const COUNT_NOUNS = new WordList(['总数', '總數', '总量', '總量', '数量', '數量', '总额', '總額']);

/**
 * Words that open an adverbial of topic or means before the verb (围绕习近平法治思想开展…, 利用传统媒体和新媒体
 * 开展…): the phrase up to the verb names no part of the indicator.
 */
export const ADVERBIAL_OPENERS = new WordList(['围绕', '圍繞', '利用', '按照', '根据', '根據', '依托', '结合', '結合', '聚焦']);

/**
 * Verbs whose object is a state of affairs (实现…“跨省通办”): the items listed after them do not take the
 * verb as their own.
 */
export const NOT_SHARED_ACTIONS = new Set(['实现', '實現']);

/** The things reports count, at the end of a name: a bare name ending in one may share the verb before it. */
export const COUNTABLE_HEADS = new WordList([
  '文件', '规章', '規章', '讲座', '講座', '会议', '會議', '事项', '事項', '案件', '措施', '项目', '項目', '清单', '清單',
  '工作', '任务', '任務', '活动', '活動', '培训班', '培訓班', '研讨班', '研討班', '意见', '意見', '制度', '案例', '细则',
  '細則', '合同', '协议', '協議', '申请', '申請', '材料', '证明', '證明', '场景', '場景',
]);
