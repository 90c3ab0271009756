// A project.qde read with the DOM: a project is read once, on an extension page, where a DOMParser is at hand and
// where its selections, sources and links are easiest walked as elements. Its <Code>s are checked by the same rules
// as a codebook's (taxonomy/qdc-xml.ts, which streams a .qdc instead: a 5,000-code file there would cost the page
// one long DOMParser task).
import { malformed } from '../../taxonomy/errors';
import { checkCode, type ParsedCode } from '../../taxonomy/qdc-xml';

export type DomParserClass = new () => DOMParser;

export function childElements(el: Element, localName: string, namespace: string): Element[] {
  return [...el.children].filter((c) => c.localName === localName && c.namespaceURI === namespace);
}

/** Nested <Code> elements of a project's CodeBook, as a codebook's are read. */
export function readCodes(codes: Element[], seen: Set<string>, path: string[], namespace: string): ParsedCode[] {
  return codes.map((el, i) => {
    const code = checkCode((name) => el.getAttribute(name) ?? undefined, i, path, seen);
    const description = childElements(el, 'Description', namespace)[0];
    return {
      ...code,
      description: description ? description.textContent ?? '' : undefined,
      children: readCodes(childElements(el, 'Code', namespace), seen, [...path, code.name], namespace),
    };
  });
}

/**
 * Parses a REFI-QDA XML file. A document type declaration is refused before parsing: the formats need none, and
 * one is how a hostile file would define entities that expand to gigabytes or reach for files outside it.
 */
export function parseQdaXml(xml: string, Parser: DomParserClass | undefined): Document {
  if (!Parser) throw malformed('此环境无法解析 XML（没有 DOMParser）', 'XML cannot be parsed here (no DOMParser)');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw malformed('文件含有文档类型声明（<!DOCTYPE>），出于安全原因不予读取', 'The file contains a document type declaration (<!DOCTYPE>), which is refused for safety');
  }
  let doc: Document;
  try {
    doc = new Parser().parseFromString(xml, 'application/xml');
  } catch (e) {
    throw malformed(`文件不是有效的 XML：${(e as Error).message}`, `The file is not well-formed XML: ${(e as Error).message}`);
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const detail = (error.textContent ?? '').replace(/\s*\n\s*/g, ' ').trim().slice(0, 200);
    throw malformed(`文件不是有效的 XML：${detail}`, `The file is not well-formed XML: ${detail}`);
  }
  return doc;
}
