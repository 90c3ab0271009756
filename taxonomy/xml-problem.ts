// What DOMParser reports about a malformed XML file, said in Pizhu's words. Each engine puts its report into the
// document as a <parsererror> element in its own format and language — Chromium (libxml2) as a page fragment,
// "This page contains the following errors: error on line 3 at column 17: Attribute x redefined. Below is a
// rendering of the page up to the first error."; Firefox as "XML Parsing Error: … Line Number 3, Column 17:";
// jsdom (the unit tests) as "3:17: duplicate attribute: x." — so the place and the kind of problem are read out of
// it, and the message is Pizhu's own, in both languages, with the parser's words once as a detail.

export interface XmlProblem {
  line?: number;
  column?: number;
  /** The parser's own words for the problem, without the engine's page furniture. */
  reason: string;
  zh: string;
  en: string;
}

const KINDS: [RegExp, string, string][] = [
  [/Document is empty|must contain a root element|no root element/i, '没有根元素（文件是空的？）', 'there is no root element (is the file empty?)'],
  [/Start tag expected|text data outside of root|syntax error/i, '应当是以“<”开头的标签，这不像 XML 文件', 'a tag starting with “<” should be here; this does not look like an XML file'],
  [/Premature end of data|unclosed tag|unexpected end|no element found/i, '文件在元素结束之前就结束了（可能被截断）', 'the file ends before its elements are closed (it may be truncated)'],
  [/tag mismatch|unexpected close tag|mismatched tag/i, '结束标签与开始标签不匹配', 'an end tag does not match its start tag'],
  [/Extra content at the end|only one root|junk after document element/i, '根元素结束之后还有内容', 'there is more after the root element ends'],
  [/redefined|duplicate attribute/i, '同一个属性出现了两次', 'an attribute appears twice'],
  [/Entity .*not defined|undefined entity/i, '使用了未定义的实体（例如 &foo;）', 'an entity (such as &foo;) is used without being defined'],
  [/Excessive depth|too deep/i, '元素嵌套过深', 'the elements nest too deep'],
  [/end of Start Tag|attributes construct|AttValue|attribute|not well-formed/i, '标签或属性的写法有误', 'a tag or an attribute is malformed'],
];

/** Reads the text of a <parsererror> element (its reporting element's text, where the engine wraps it). */
export function describeXmlProblem(report: string): XmlProblem {
  const text = report.replace(/Below is a rendering of the page[\s\S]*$/, '').replace(/^[\s\S]*?the following errors:\s*/, '');
  let line: number | undefined;
  let column: number | undefined;
  let reason = text.trim();
  const chromium = /line (\d+) at column (\d+):\s*([^\n]*)/.exec(text);
  const firefox = /Line Number (\d+), Column (\d+)/.exec(text);
  const jsdom = /^\s*(\d+):(\d+):\s*([^\n]*)/.exec(text);
  if (chromium) [line, column, reason] = [Number(chromium[1]), Number(chromium[2]), chromium[3]];
  else if (firefox) [line, column, reason] = [Number(firefox[1]), Number(firefox[2]), /XML Parsing Error:\s*([^\n]*)/.exec(text)?.[1] ?? ''];
  else if (jsdom) [line, column, reason] = [Number(jsdom[1]), Number(jsdom[2]), jsdom[3]];
  reason = reason.replace(/\s+/g, ' ').trim().slice(0, 200);
  const kind = KINDS.find(([pattern]) => pattern.test(reason));
  const [whatZh, whatEn] = kind ? [kind[1], kind[2]] : ['格式有误', 'it is malformed'];
  const where = line !== undefined ? { zh: `第 ${line} 行第 ${column} 列：`, en: ` at line ${line}, column ${column}:` } : { zh: '', en: ':' };
  return {
    line,
    column,
    reason,
    zh: `文件不是格式正确的 XML，${where.zh}${whatZh}。`,
    en: `The file is not well-formed XML${where.en} ${whatEn}.`,
  };
}
