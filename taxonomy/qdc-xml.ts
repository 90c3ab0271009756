// Reading the XML of a REFI-QDA codebook (.qdc) into its codes, with a streaming parser (saxes) instead of the
// browser's DOMParser: it runs wherever JavaScript does (the library's reader worker, the service worker, Node), so a
// codebook of thousands of codes is parsed off the page's thread (DOMParser took one task of 80–150 ms for 5,000
// codes, and exists in no worker). It checks well-formedness and namespaces as DOMParser does; entities declared in
// a DOCTYPE are never expanded (no "billion laughs", no external files), so a file that uses one is refused.
//
// Only what the import reads is kept: <CodeBook>/<Codes>/<Code guid name isCodable color> nested, and the text of each
// Code's first <Description>. Other elements (<Sets>, extensions) are skipped.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { malformed, TaxonomyError } from './errors';
import { normaliseColour } from './palette';
import { isUuid } from '../model';
import { MAX_CODEBOOK_TERMS, MAX_TERM_DEPTH } from './state';
import { describeXmlProblem } from './xml-problem';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface ParsedCode {
  guid: string;
  name: string;
  codable: boolean;
  color?: string;
  /** undefined when the Code has no Description element at all. */
  description?: string;
  children: ParsedCode[];
}

interface CodeFrame {
  code: ParsedCode;
  /** Collecting the text of this Code's first Description: the element depth it opened at. */
  describing?: number;
}

const attr = (tag: SaxesTagNS, local: string): string | undefined => {
  for (const a of Object.values(tag.attributes)) if (a.local === local && a.uri === '') return a.value;
  return undefined;
};

/** The guid of a REFI-QDA element, lower case without braces (tools write `{…}` and upper case), or undefined. */
export function normaliseGuid(raw: string | null | undefined): string | undefined {
  const guid = (raw ?? '').trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return isUuid(guid) ? guid : undefined;
}

/**
 * A <Code>'s attributes checked (guid, name, once each in the file), whichever parser read them: this streaming
 * one for a .qdc, the DOM for a project's CodeBook (exchange/qdpx/read.ts). `attribute` reads one by name.
 */
export function checkCode(attribute: (name: string) => string | undefined, index: number, path: string[], seen: Set<string>): ParsedCode {
  const where = path.length ? `（在“${path.join(' › ')}”之下）` : '（顶层）';
  const whereEn = path.length ? ` (under “${path.join(' › ')}”)` : ' (top level)';
  const name = attribute('name')?.trim() ?? '';
  const rawGuid = attribute('guid')?.trim() ?? '';
  const label = name ? `“${name}”` : `第 ${index + 1} 个代码${where}`;
  const labelEn = name ? `“${name}”` : `Code #${index + 1}${whereEn}`;
  if (!rawGuid) throw malformed(`代码${label}缺少 guid 属性`, `Code ${labelEn} has no guid attribute`);
  const guid = normaliseGuid(rawGuid);
  if (!guid) throw malformed(`代码${label}的 guid 不是 UUID：${rawGuid.slice(0, 60)}`, `Code ${labelEn} has a guid that is not a UUID: ${rawGuid.slice(0, 60)}`);
  if (!name) throw malformed(`guid 为 ${rawGuid} 的代码${where}缺少 name 属性`, `The code with guid ${rawGuid}${whereEn} has no name attribute`);
  if (seen.has(guid)) throw malformed(`guid ${rawGuid} 出现了不止一次（代码“${name}”）`, `guid ${rawGuid} occurs more than once (code “${name}”)`);
  seen.add(guid);
  const codable = attribute('isCodable')?.trim();
  return {
    guid,
    name,
    codable: codable === undefined || codable === 'true' || codable === '1',
    color: normaliseColour(attribute('color') ?? ''),
    children: [],
  };
}

/** The codes of a .qdc, in document order; throws a TaxonomyError that says what is wrong and where. */
export function parseQdcCodes(xml: string): ParsedCode[] {
  if (xml.trim() === '') throw malformed('文件是空的，里面没有代码本。', 'The file is empty: there is no codebook in it.');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const top: ParsedCode[] = [];
  const codes: CodeFrame[] = [];
  const seen = new Set<string>();
  let depth = 0;
  let count = 0;
  // Element depth of the <Codes> being read, and whether one was found at all (only the first counts).
  let codesAt = -1;
  let sawCodes = false;
  // Inside an element the import does not read: its depth, until it closes.
  let skipping = -1;
  // The first thing wrong with the codebook itself. The parse goes on to the end regardless, so that a file that is
  // not well-formed XML is reported as such (where it breaks), as DOMParser would, before what it holds is judged.
  let wrong: TaxonomyError | undefined;

  parser.on('opentag', (tag) => {
    depth++;
    if (skipping >= 0 || wrong) return;
    try {
      open(tag);
    } catch (e) {
      if (!(e instanceof TaxonomyError)) throw e;
      wrong = e;
    }
  });

  const open = (tag: SaxesTagNS) => {
    const ours = tag.uri === QDC_NAMESPACE;
    const current = codes[codes.length - 1];
    if (depth === 1) {
      if (tag.local !== 'CodeBook' || !ours) {
        const found = `<${tag.local}>${tag.uri ? `（命名空间 ${tag.uri}）` : '（无命名空间）'}`;
        const foundEn = `<${tag.local}>${tag.uri ? ` in namespace ${tag.uri}` : ' without a namespace'}`;
        throw malformed(
          `这不是 REFI-QDA 代码本：根元素应为命名空间 ${QDC_NAMESPACE} 中的 <CodeBook>，实际是 ${found}`,
          `This is not a REFI-QDA codebook: the root should be <CodeBook> in namespace ${QDC_NAMESPACE}, found ${foundEn}`,
        );
      }
      return;
    }
    if (current?.describing !== undefined) return;
    if (depth === 2 && ours && tag.local === 'Codes' && !sawCodes) {
      sawCodes = true;
      codesAt = depth;
      return;
    }
    const inCodes = codesAt >= 0 && depth === codesAt + 1 + codes.length;
    if (inCodes && ours && tag.local === 'Code') {
      // Schemes are the top level, their terms below: a term may be MAX_TERM_DEPTH levels under its scheme.
      const path = codes.map((f) => f.code.name);
      if (path.length > MAX_TERM_DEPTH)
        throw malformed(`代码嵌套过深：“${path.slice(0, 3).join(' › ')} › …”之下超过 ${MAX_TERM_DEPTH} 层`, `Codes nest too deep: more than ${MAX_TERM_DEPTH} levels under “${path.slice(0, 3).join(' › ')} › …”`);
      if (++count > MAX_CODEBOOK_TERMS)
        throw malformed(`代码本的代码太多（超过 ${MAX_CODEBOOK_TERMS} 个）`, `The codebook has too many codes (more than ${MAX_CODEBOOK_TERMS})`);
      const siblings = current ? current.code.children : top;
      const code = checkCode((name) => attr(tag, name), siblings.length, path, seen);
      siblings.push(code);
      codes.push({ code });
      return;
    }
    if (current && depth === codesAt + 1 + codes.length && ours && tag.local === 'Description' && current.code.description === undefined) {
      current.code.description = '';
      current.describing = depth;
      return;
    }
    skipping = depth;
  };

  const text = (t: string) => {
    const current = codes[codes.length - 1];
    if (current?.describing !== undefined) current.code.description += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);

  parser.on('closetag', () => {
    if (wrong) return void depth--;
    if (skipping === depth) skipping = -1;
    else if (skipping < 0) {
      const current = codes[codes.length - 1];
      if (current?.describing === depth) current.describing = undefined;
      else if (current && depth === codesAt + codes.length) codes.pop();
      else if (depth === codesAt) codesAt = -1;
    }
    depth--;
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    const problem = describeXmlProblem((e as Error).message);
    throw malformed(problem.zh, problem.en, problem.reason ? [problem.reason] : []);
  }
  if (wrong) throw wrong;
  if (!sawCodes) throw malformed('代码本缺少 <Codes> 元素', 'The codebook has no <Codes> element');
  return top;
}
