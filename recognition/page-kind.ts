// Is this page a government work report, another official document, or neither?
// Decided from the page itself: its title, and whether its main text is the document (long, running prose
// with the structure of official writing) rather than a listing, a news item about a report, or a shop.
import type { PageKind } from '../model';
import { INLINE_SPACE_CLASS, foldDigits, withoutPinyinGlosses } from './chars';

export interface PageFeatures {
  /** The title of the main content (its heading, or the document's title). */
  title: string;
  /** The article's first short line, when the page has no title element (it may be the title as a paragraph). */
  firstLine?: string;
  /** The main content's text. */
  mainText: string;
  /** Chinese characters in the article body; a count may stop at HAN_ENOUGH, the most any verdict asks for. */
  articleHan: number;
  /** Link characters ÷ characters in the article body. */
  linkDensity: number;
  /** A metadata block (索引号 / 文号 / 发布机构 …) was found next to the text. */
  hasMetadata: boolean;
  /** The article is an item of a listing, or holds one: like siblings each headed by a link to another page. */
  listing?: boolean;
}

export interface KindVerdict {
  kind: PageKind;
  /** Why, in a few words (shown in the side panel and used by tests). */
  reason: string;
}

// What the title says the page is. Traditional forms are listed beside simplified ones: mirror sites in Taiwan
// and Hong Kong republish mainland reports in traditional script. 年报 is the short name of a 年度报告 (2020年报).
const REPORT_TITLE = /(?:报告|報告|总结|總結|年报|年報)$|(?:建设|建設|工作|行政)(?:情况|情況)$/;
const DOCUMENT_TITLE =
  /(?:意见|意見|通知|方案|办法|辦法|决定|決定|规定|規定|批复|批覆|公告|通告|公报|公報|令|细则|細則|规则|規則|规划|規劃|纲要|綱要|条例|條例|决议|決議|通报|通報|函|复函|覆函|规范|規範|制度|清单|清單|指引|计划|計劃|要点|要點|纪要|紀要)$|(?:令|公告)(?:\d{4}年)?第?[\d一二三四五六七八九十百零〇]+[号號]$/;
// Pages about a document rather than the document: interpretations and Q&A, whatever their grammar…
const INTERPRETATION_TITLE = /解读|解讀|答记者问|答記者問|问答|問答|图解|圖解|一图读懂|一圖讀懂|一图看懂|一圖看懂|访谈|訪談|专访|專訪|发布会|發佈會|招待会|招待會|视频|視頻/;
// …and news of a document's release or adoption ("区政府发布2017年法治政府建设报告"). An official title has the
// form 关于…的<type>, in which such verbs are part of the subject ("关于召开…会议的通知") and prove nothing.
const NEWS_VERB = /召开|召開|举行|舉行|审议|審議|听取|聽取|通过|通過|出炉|出爐|亮相|晒出|曬出|发布|發佈|發布|公布|学习|學習|传达|傳達|部署|获悉|獲悉|走进|走進/;
const OFFICIAL_TITLE_FORM = /关于|關於/;

// Opening words of official writing that a news report about it would not use: a report's formula (现将, 兹将 or
// 特将…报告如下) or a notice's (现将…印发如下, with a subject between as long as a title: 现将2011-2012年…活动通知如下),
// its addressees (各省、自治区…:, 各乡镇人民政府…:, 各镇（街道）中小学…:), a report laid before a congress
// (受…委托，现将…提请…审议), a decree's promulgation (现予公布，自…起施行), the statistics bureau's 初步核算 opening a
// communiqué's accounts; and a report to a congress or its standing committee by its salutation on a line of its own
// (主任、各位副主任、秘书长，各位委员：) or the request closing its first sentence (…报告…情况，请审议 / 请予审查), not the
// 请 of 申请 (申请人…经审查).
const OFFICIAL_MARKERS = /现将[^。\n]{0,60}(?:通知|印发|印發)如下|[将將][^。\n]{0,30}(?:报告|報告)如下|特此(?:报告|報告|通知|公告|通告|批复|批覆)|经[^。\n]{0,20}同意|經[^。\n]{0,20}同意|各(?:省|区|區|县|縣|市|州|盟|旗|乡|鄉|镇|鎮|街道|部门|部門|單位|单位|有关|有關)[^。\n]{0,40}[:：]|根据《|根據《|为(?:贯彻|深入|进一步|加快|全面)|為(?:貫徹|深入|進一步|加快|全面)|(?:提请|提請|请予|請予)[^。\n]{0,20}(?:审议|審議|审查|審查)|(?:现予|現予)(?:公布|公佈|发布|發佈)|自[^。\n]{0,20}起施行|初步核算|(?:^|\n)[^\n。]{0,20}各位(?:代表|委员|委員)[:：][^\S\n]*(?:\n|$)|(?<![申邀聘])[请請]予?(?:审议|審議|审查|審查)/;
// Headings that structure official writing: numbered sections (一、, 【一】, 第一部分) and their subsections ((一), 〔一〕),
// and, in regulations, chapters and articles (第一条). Sites indent paragraphs with any of the spaces CMS pages print
// (&nbsp;, U+3000, en and em spaces, a zero-width space left by a word processor), several in a row.
const SECTION_HEADING = new RegExp(
  String.raw`(?:^|\n)${INLINE_SPACE_CLASS}*(?:[一二三四五六七八九十]{1,3}[、，,．.]|[（(〔【［[][一二三四五六七八九十]{1,3}[)）〕】］\]]|第[一二三四五六七八九十百]{1,4}(?:[章条條]|部分))`,
  'g',
);

// A document's own number printed with its title (京政办发〔2016〕26号《…的通知》, …的通知 国办发〔2020〕17号): an agency
// code, a bracketed year and a serial. Before the title it ends at the title; after it, a space or a dash parts them
// (without one the code could not be told from the title's last words).
const BRACKET_YEAR_SERIAL = String.raw`[〔[【(（﹝［]\s*(?:19|20)\d{2}\s*[〕\]】)）﹞］]\s*第?\s*\d{1,7}\s*[号號]`;
const LEADING_NUMBER = new RegExp(String.raw`^[^\s《》]{1,16}${BRACKET_YEAR_SERIAL}\s*`, 'u');
const TRAILING_NUMBER = new RegExp(String.raw`[\s_—–|-]+[^\s《》_—–|-]{1,16}${BRACKET_YEAR_SERIAL}$`, 'u');

// A report's own title as a heading line of the text: a line ending in 报告 (报 告 spaced as a red-head title is) with no
// sentence punctuation, as a disclosure package prints the report under its table of contents (…决算公开: 目录,
// 第一部分 决算报告, then 关于…决算草案…的报告 broken over two lines). Bounded: at most 60 characters are tried from each line's start.
const REPORT_HEADING = new RegExp(
  String.raw`(?:^|\n)[^\n。！？!?，,；;：:《》“”]{0,60}[报報]${INLINE_SPACE_CLASS}*告${INLINE_SPACE_CLASS}*(?:\n|$)`,
);

/** Every space a page may print in a title, zero-width ones included (\s knows no U+200B), read as a space. */
const TITLE_SPACES = new RegExp(INLINE_SPACE_CLASS, 'g');

/**
 * Strips what sites add to a title: the document's own number before or after it, "(全文)", "【2018】", a year label
 * after a space (…统计公报 2022), the label 全文 or 原文 however it is joined (…政府工作报告—全文, …报告全文,
 * …意见_原文) and the label 范文, 范本 or 模板 that document-sharing and model-essay sites add to a text they offer as a
 * model (…政府信息公开年度工作报告范文), trailing punctuation, and 《》 around the whole title (《…的通知》).
 */
function coreTitle(title: string): string {
  // Full-width digits read as ASCII ones (国家税务总局公告２０２６年第６号): the title's patterns are written with \d.
  let core = foldDigits(title).replace(TITLE_SPACES, ' ').trim();
  // Only a title with 号 carries a number; most have none, and each regex a page runs is compiled in its renderer.
  if (core.includes('号') || core.includes('號')) core = core.replace(LEADING_NUMBER, '').replace(TRAILING_NUMBER, '');
  return core
    .replace(/\s+(?:19|20)\d{2}年?$/u, '')
    .replace(/\s+/g, '')
    .replace(/[（(【[][^（）()【】[\]]{0,30}[)）】\]]$/u, '')
    .replace(/[—–\-_|·:：]*(?:全文|原文|范文|範文|范本|範本|模板)$/u, '')
    .replace(/[。.!！?？:：、,，]+$/u, '')
    .replace(/^《([^《》]+)》$/u, '$1');
}

/** Short notices (公告, 通告) exist; with fewer Chinese characters than this a text is a caption, not a document. */
const MIN_DOCUMENT_HAN = 60;
/** Chinese characters beyond an opening paragraph: how much a report's text under a metadata block runs to at least. */
const REPORT_UNDER_METADATA = 300;
/** Chinese characters that make a text under a report's or a document's title the text itself, however it is written. */
const LONG_TEXT_HAN = 800;
/**
 * The most Chinese characters of the article any verdict asks for: a count may stop here. Counting a megabyte
 * article to the end was the longest step of a scan that could not be cut into slices.
 */
export const HAN_ENOUGH = Math.max(MIN_DOCUMENT_HAN, REPORT_UNDER_METADATA, LONG_TEXT_HAN);

const tellsType = (title: string) => REPORT_TITLE.test(title) || DOCUMENT_TITLE.test(title);

// What sites join to a title in the page's <title>: "标题_栏目_站点", "标题-站点", "站点-栏目-标题". A dash between
// digits is a range inside the title ((2016-2020年)), not a joint.
const TITLE_JOINTS = /[_|｜]|(?<![\d０-９])[-–—]+(?![\d０-９])/;

/**
 * The longest part of a title joined from parts: the article's own title among the site's and the column's names.
 * A part without a Chinese character is a label, not a title (a flipbook's "Page 9 - 2020年报_审计局").
 */
function longestPart(title: string): string {
  let longest = '';
  for (const raw of title.split(TITLE_JOINTS)) {
    const part = raw.trim();
    if (part.length > longest.length && /\p{Script=Han}/u.test(part)) longest = part;
  }
  return longest;
}

export function classifyPage(f: PageFeatures): KindVerdict {
  // A page title that names no document type gives way to its longest part that does (the site's name joined to the
  // title), or else to a first line that does.
  const pageTitle = withoutPinyinGlosses(f.title);
  // `said`: the title as the page gives it, with the labels coreTitle strips, which can say what the page is about a
  // report rather than the report ((政策问答), 【图解】).
  let said = pageTitle;
  let title = coreTitle(pageTitle);
  if (!tellsType(title)) {
    const partSaid = longestPart(pageTitle);
    const firstSaid = withoutPinyinGlosses(f.firstLine ?? '');
    const part = coreTitle(partSaid);
    const first = coreTitle(firstSaid);
    if (tellsType(part)) [title, said] = [part, partSaid];
    else if (tellsType(first)) [title, said] = [first, firstSaid];
  }
  const han = f.articleHan;
  if (!title && han === 0) return { kind: 'none', reason: 'no text' };
  // A page whose body is mostly links is a listing or a portal, whatever its title says; so is one whose body is a
  // listing's items (search results, titles with abstracts), however much an abstract quotes of a report.
  if (f.linkDensity > 0.45 || f.listing) return { kind: 'none', reason: 'listing' };
  if (han < MIN_DOCUMENT_HAN) return { kind: 'none', reason: 'too little text' };
  const text = withoutPinyinGlosses(f.mainText);
  const sections = text.match(SECTION_HEADING)?.length ?? 0;
  // The report's own writing: its formulas or its numbered sections.
  const written = OFFICIAL_MARKERS.test(text) || sections >= 2;
  const official = written || f.hasMetadata;
  if (INTERPRETATION_TITLE.test(said)) return { kind: 'none', reason: 'interpretation' };
  if (NEWS_VERB.test(title) && !OFFICIAL_TITLE_FORM.test(title)) return { kind: 'none', reason: 'news about a document' };
  // A metadata block records that a report was published, not that its text is here: sites publish a report as an
  // attachment (附件下载) under a page with its title, its metadata and no more than an opening paragraph (a paragraph
  // of official prose runs to some 100–250 characters). Under metadata a report needs more text than that; a short
  // notice may rest on its metadata alone (a 公告 with its 文号).
  const reportText = written || han >= LONG_TEXT_HAN || (f.hasMetadata && han >= REPORT_UNDER_METADATA);
  if (REPORT_TITLE.test(title)) return reportText ? { kind: 'report', reason: 'report title' } : { kind: 'none', reason: 'short text under a report title' };
  if (DOCUMENT_TITLE.test(title)) return official || han >= LONG_TEXT_HAN ? { kind: 'document', reason: 'document title' } : { kind: 'none', reason: 'short text under a document title' };
  // No telling title (a mirror site may title a page with the site's own words): the text speaks for itself.
  if (/(?:现将|現將)[^。\n]{0,30}(?:报告如下|報告如下)/.test(text) && sections >= 2) return { kind: 'report', reason: 'reports in its text' };
  // A page named for what it discloses (2023年华容县政府决算公开) that holds a report under its own heading, in the
  // report's own writing: the report is the page's main content.
  if (written && REPORT_HEADING.test(text)) return { kind: 'report', reason: 'a report under its heading' };
  return { kind: 'none', reason: 'not an official document' };
}
