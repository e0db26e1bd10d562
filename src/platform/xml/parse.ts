import { SaxesParser } from 'saxes';
import type { ObjectNode, RootIn, RootNode, XmlNode } from './schema.js';

/** Why a body was refused before any business rule saw it: it is not well-formed XML 1.0. */
export class XmlSyntaxError extends Error {}

/** A well-formed body that is bigger in structure than any payload the API accepts. */
export class XmlLimitError extends Error {}

/** A parsed element: text-only elements are strings, others map child names to every occurrence. */
export type ParsedElement = string | { [child: string]: ParsedElement[] | string };
export interface ParsedDocument {
  readonly rootName: string;
  readonly root: ParsedElement;
}

export const MAX_XML_DEPTH = 32;
/**
 * Elements plus attributes in one body. The largest payloads the API takes (an order or disconnect
 * of 5,000 numbers, 1,000 SIP credentials) have about 6,000; the limit leaves room for grouped
 * orders of 5,000 numbers and refuses bodies that are only there to cost work.
 */
export const MAX_XML_ELEMENTS = 25_000;
/**
 * Characters from one `<` to the next: one tag with its attributes, or one text (comment, CDATA)
 * run. No field holds more than a few hundred; a long run is only there to cost memory (the parser
 * builds text from many small pieces).
 */
export const MAX_XML_RUN = 64 * 1024;
/** How much of a body the reader parses in one step (readXmlBody yields to the event loop between steps). */
export const XML_PIECE = 8 * 1024;

export interface XmlLimits {
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxRun: number;
}

const DEFAULT_LIMITS: XmlLimits = {
  maxDepth: MAX_XML_DEPTH,
  maxElements: MAX_XML_ELEMENTS,
  maxRun: MAX_XML_RUN,
};
const TEXT = '#text';

interface OpenElement {
  readonly name: string;
  text: string;
  children: Record<string, ParsedElement[]> | undefined;
}

function finish(open: OpenElement): ParsedElement {
  const text = open.text.trim();
  if (!open.children) return text;
  const element = open.children as Record<string, ParsedElement[] | string>;
  if (text !== '') element[TEXT] = text;
  return element;
}

/**
 * A strict XML 1.0 reader (saxes) that builds the document incrementally, so a body can be fed in
 * pieces as it arrives and the caller can yield to the event loop between pieces. It refuses what
 * is not well-formed (including characters XML 1.0 forbids, literally or as references), any DOCTYPE
 * (so no entity definitions or expansion), nesting deeper than the limit, more elements than the
 * limit and runs of text longer than the limit. Only the five predefined entities and numeric
 * character references are understood. Child maps have no prototype, so any element name is just
 * a name.
 */
export class XmlDocumentReader {
  private readonly sax = new SaxesParser({
    xmlns: false,
    position: true,
    defaultXMLVersion: '1.0',
    forceXMLVersion: true,
  });
  private readonly stack: OpenElement[] = [];
  private document: ParsedDocument | undefined;
  private counted = 0;
  private sawContent = false;
  /** Characters since the last `<`. */
  private run = 0;
  /** A carriage return at the end of the last piece, which may start a CR LF pair. */
  private pendingCr = false;

  constructor(private readonly limits: XmlLimits = DEFAULT_LIMITS) {
    this.sax.on('doctype', () => {
      throw new XmlSyntaxError('DOCTYPE and entity declarations are not allowed');
    });
    this.sax.on('attribute', () => this.count());
    this.sax.on('opentag', (tag) => this.open(tag.name));
    this.sax.on('text', (text) => this.appendText(text));
    this.sax.on('cdata', (text) => this.appendText(text));
    this.sax.on('closetag', () => this.close());
  }

  /** Feeds the next piece of the body (any split, even inside a tag); pieces of XML_PIECE or less. */
  write(piece: string): void {
    let text = this.pendingCr ? `\r${piece}` : piece;
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    // Line ends normalised as XML 1.0 says (2.11), before the parser: it would build a string piece
    // for every carriage return.
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    this.checkRun(text);
    if (!this.sawContent && /\S/.test(text)) this.sawContent = true;
    this.step(() => this.sax.write(text));
  }

  /** The document, or undefined for a body that is empty or only whitespace. */
  end(): ParsedDocument | undefined {
    if (!this.sawContent) return undefined;
    this.step(() => (this.pendingCr ? this.sax.write('\n') : this.sax).close());
    if (!this.document) throw new XmlSyntaxError('The request body must contain a root element');
    return this.document;
  }

  private checkRun(text: string): void {
    const first = text.indexOf('<');
    if ((first < 0 ? this.run + text.length : this.run + first) > this.limits.maxRun) {
      throw new XmlLimitError(
        `The request body has a tag or text longer than ${this.limits.maxRun} characters`,
      );
    }
    this.run = first < 0 ? this.run + text.length : text.length - text.lastIndexOf('<') - 1;
  }

  private step(step: () => void): void {
    try {
      step();
    } catch (err) {
      if (err instanceof XmlSyntaxError || err instanceof XmlLimitError) throw err;
      // saxes reports `line:column: reason`.
      throw new XmlSyntaxError(`The request body is not well-formed XML: ${(err as Error).message}`);
    }
  }

  private count(): void {
    if (++this.counted > this.limits.maxElements) {
      throw new XmlLimitError(
        `The request body has more than ${this.limits.maxElements} elements and attributes`,
      );
    }
  }

  private open(name: string): void {
    this.count();
    if (this.stack.length >= this.limits.maxDepth) {
      throw new XmlSyntaxError(`The request body is nested deeper than ${this.limits.maxDepth} levels`);
    }
    this.stack.push({ name, text: '', children: undefined });
  }

  private appendText(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.text += text;
  }

  private close(): void {
    const open = this.stack.pop();
    if (!open) return;
    const element = finish(open);
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.document = { rootName: open.name, root: element };
      return;
    }
    parent.children ??= Object.create(null) as Record<string, ParsedElement[]>;
    const siblings = parent.children[open.name];
    if (siblings) siblings.push(element);
    else parent.children[open.name] = [element];
  }
}

/**
 * Parses a whole body at once (CLI, tests). Request bodies go through `readXmlBody`, which feeds the
 * same reader piece by piece.
 */
export function parseXmlDocument(body: string, limits?: XmlLimits): ParsedDocument {
  const reader = new XmlDocumentReader(limits);
  for (let at = 0; at < body.length; at += XML_PIECE) reader.write(body.slice(at, at + XML_PIECE));
  const doc = reader.end();
  if (!doc) throw new XmlSyntaxError('The request body must contain a root element');
  return doc;
}

function textOf(element: ParsedElement): string {
  if (typeof element === 'string') return element;
  const text = element[TEXT];
  return typeof text === 'string' ? text : '';
}

/** Children of several occurrences merged by lower-cased name: repeated wrappers become one. */
function mergeChildren(occurrences: readonly ParsedElement[]): Map<string, ParsedElement[]> {
  const merged = new Map<string, ParsedElement[]>();
  for (const occ of occurrences) {
    if (typeof occ === 'string') continue;
    for (const [name, value] of Object.entries(occ)) {
      if (name === TEXT || typeof value === 'string') continue;
      const key = name.toLowerCase();
      const list = merged.get(key);
      if (list) list.push(...value);
      else merged.set(key, [...value]);
    }
  }
  return merged;
}

function decodeNode(node: XmlNode, occurrences: readonly ParsedElement[]): unknown {
  switch (node.kind) {
    case 'leaf': {
      const first = occurrences[0];
      return first === undefined ? undefined : textOf(first);
    }
    case 'object':
      return occurrences.length === 0 ? undefined : decodeObject(node, occurrences);
    case 'list': {
      if (occurrences.length === 0) return undefined;
      const items = mergeChildren(occurrences).get(node.item.toLowerCase()) ?? [];
      return items.map((item) => decodeNode(node.node, [item]));
    }
    case 'repeated':
      return occurrences.map((occ) => decodeNode(node.node, [occ]));
  }
}

function decodeObject(node: ObjectNode, occurrences: readonly ParsedElement[]): Record<string, unknown> {
  const children = mergeChildren(occurrences);
  const result: Record<string, unknown> = {};
  for (const [field, child] of Object.entries(node.fields)) {
    result[field] = decodeNode(child, children.get(field.toLowerCase()) ?? []);
  }
  return result;
}

/**
 * Decodes a parsed document against a declared root. Element names match case-insensitively,
 * unknown elements are ignored, and a list's repeated wrappers are merged (the Node client sends
 * one wrapper per array item). Returns undefined when the root element is not the expected one.
 */
export function decodeXml<R extends RootNode>(root: R, doc: ParsedDocument): RootIn<R> | undefined {
  if (doc.rootName.toLowerCase() !== root.name.toLowerCase()) return undefined;
  return decodeObject(root.node, [doc.root]) as RootIn<R>;
}

/** For payloads that are a single text element, such as `<Password>…</Password>`. */
export function rootText(doc: ParsedDocument): string {
  return textOf(doc.root);
}
