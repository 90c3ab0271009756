// What the XML parser (saxes, see qdc-xml.ts) reports about a malformed file — "3:17: duplicate attribute: x." —
// said in Pizhu's words in both languages: where (line, column) and what kind of problem, with the parser's own
// words once, as a detail, since they are in English only.

export interface XmlProblem {
  line?: number;
  column?: number;
  /** The parser's own words for the problem. */
  reason: string;
  zh: string;
  en: string;
}

const KINDS: [RegExp, string, string][] = [
  [/must contain a root element/i, '没有根元素（文件是空的？）', 'there is no root element (is the file empty?)'],
  [/text data outside of root|not allowed before root/i, '应当是以“<”开头的标签，这不像 XML 文件', 'a tag starting with “<” should be here; this does not look like an XML file'],
  [/unclosed tag|unexpected end/i, '文件在元素结束之前就结束了（可能被截断）', 'the file ends before its elements are closed (it may be truncated)'],
  [/unexpected close tag|unmatched closing tag/i, '结束标签与开始标签不匹配', 'an end tag does not match its start tag'],
  [/only one root/i, '根元素结束之后还有内容', 'there is more after the root element ends'],
  [/duplicate attribute/i, '同一个属性出现了两次', 'an attribute appears twice'],
  [/entity/i, '使用了未定义的实体（例如 &foo;），批注不展开文件里声明的实体', 'an entity (such as &foo;) is used that Pizhu does not expand: it reads no entity a file declares'],
  [/namespace|prefix/i, '命名空间的写法有误', 'a namespace is declared or used wrongly'],
  [/XML declaration|version/i, 'XML 声明（<?xml …?>）有误', 'the XML declaration (<?xml …?>) is malformed'],
  [/attribute|quoted|value|whitespace|tag name|forward-slash|closing tag/i, '标签或属性的写法有误', 'a tag or an attribute is malformed'],
];

export function describeXmlProblem(report: string): XmlProblem {
  const at = /^\s*(\d+):(\d+):\s*(.*)$/s.exec(report);
  const [line, column, reason] = at ? [Number(at[1]), Number(at[2]), at[3]] : [undefined, undefined, report];
  const words = reason.replace(/\s+/g, ' ').trim().slice(0, 200);
  const kind = KINDS.find(([pattern]) => pattern.test(words));
  const [whatZh, whatEn] = kind ? [kind[1], kind[2]] : ['格式有误', 'it is malformed'];
  const where = line !== undefined ? { zh: `第 ${line} 行第 ${column} 列：`, en: ` at line ${line}, column ${column}:` } : { zh: '', en: ':' };
  return {
    line,
    column,
    reason: words,
    zh: `文件不是格式正确的 XML，${where.zh}${whatZh}。`,
    en: `The file is not well-formed XML${where.en} ${whatEn}.`,
  };
}
