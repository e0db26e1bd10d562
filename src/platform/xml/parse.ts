import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ObjectNode, RootIn, RootNode, XmlNode } from './schema.js';

/** Why a body was refused before any business rule saw it. */
export class XmlSyntaxError extends Error {}

/** A parsed element: text-only elements are strings, others map child names to every occurrence. */
export type ParsedElement = string | { [child: string]: ParsedElement[] | string };
export interface ParsedDocument {
  readonly rootName: string;
  readonly root: ParsedElement;
}

export const MAX_XML_DEPTH = 32;
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // keep every value a string: ZIP 01234 and TNs stay as sent
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Also decodes numeric character references (&#65; &#x41;); deprecated in favour of a custom
  // entityDecoder, but exact in the pinned 5.12.1.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  htmlEntities: true,
  isArray: () => true, // every element may repeat; decoding decides what is a list
  maxNestedTags: MAX_XML_DEPTH,
  textNodeName: TEXT,
});

/**
 * Parses a request body safely: no DOCTYPE (so no entity definitions or expansion), well-formedness
 * checked first (the parser alone accepts broken XML), bounded nesting, exactly one root element.
 */
export function parseXmlDocument(body: string): ParsedDocument {
  if (/<!DOCTYPE/i.test(body) || /<!ENTITY/i.test(body)) {
    throw new XmlSyntaxError('DOCTYPE and entity declarations are not allowed');
  }
  // The validator moves to its own package in later releases; it is part of the pinned 5.12.1.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new XmlSyntaxError(
      `The request body is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body) as Record<string, unknown>;
  } catch (err) {
    throw new XmlSyntaxError(`The request body could not be parsed: ${(err as Error).message}`);
  }
  const names = Object.keys(parsed);
  const occurrences = names.length === 1 ? (parsed[names[0] as string] as ParsedElement[]) : [];
  if (occurrences.length !== 1)
    throw new XmlSyntaxError('The request body must contain exactly one root element');
  return { rootName: names[0] as string, root: occurrences[0] as ParsedElement };
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
