import { XML_FORBIDDEN_CLASS } from '../text.js';
import type { LeafOut, ObjectNode, RootNode, RootOut, XmlNode } from './schema.js';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * What must not appear as is: markup characters, and every character XML 1.0 forbids (C0 controls
 * other than tab, line feed and carriage return, U+FFFE, U+FFFF, unpaired surrogates). Stored text
 * can hold those (data written before they were refused, a path id echoed in an error), so the
 * encoder replaces them with U+FFFD and can never write a document a strict parser refuses.
 */
const NEEDS_ESCAPE = new RegExp(`[&<>"${XML_FORBIDDEN_CLASS}]`, 'u');
const FORBIDDEN = new RegExp(`[${XML_FORBIDDEN_CLASS}]`, 'gu');

export function escapeXml(text: string): string {
  // Most values (numbers, ids, codes) need nothing: test first, replace only when needed, with
  // plain-string replacements (a callback per match is several times slower on long text).
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(FORBIDDEN, '\uFFFD');
}

function leafText(value: Exclude<LeafOut, undefined>): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeXml(value);
}

function writeElement(out: string[], name: string, node: XmlNode, value: unknown): void {
  if (value === undefined) return;
  switch (node.kind) {
    case 'leaf': {
      const text = leafText(value as Exclude<LeafOut, undefined>);
      out.push(text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`);
      return;
    }
    case 'object':
      writeObject(out, name, node, value as Record<string, unknown> | null);
      return;
    case 'list': {
      const items = value as readonly unknown[];
      if (items.length === 0) {
        if (node.empty === 'element') out.push(`<${name}/>`);
        return;
      }
      out.push(`<${name}>`);
      if (node.node.kind === 'leaf') {
        // Long lists of plain values (5,000 numbers in a search): one string per item.
        const open = `<${node.item}>`;
        const close = `</${node.item}>`;
        for (const item of items) {
          if (item === undefined) continue;
          const text = leafText(item as Exclude<LeafOut, undefined>);
          out.push(text === '' ? `<${node.item}/>` : open + text + close);
        }
      } else {
        for (const item of items) writeElement(out, node.item, node.node, item);
      }
      out.push(`</${name}>`);
      return;
    }
    case 'repeated':
      for (const item of value as readonly unknown[]) writeElement(out, name, node.node, item);
      return;
  }
}

function writeObject(
  out: string[],
  name: string,
  node: ObjectNode,
  value: Record<string, unknown> | null,
): void {
  let open = `<${name}`;
  if (node.attrs) for (const [k, v] of Object.entries(node.attrs)) open += ` ${k}="${escapeXml(v)}"`;
  const start = out.length;
  out.push(`${open}>`);
  if (value !== null) {
    for (const [field, child] of Object.entries(node.fields)) writeElement(out, field, child, value[field]);
  }
  if (out.length === start + 1) out[start] = `${open}/>`;
  else out.push(`</${name}>`);
}

/** Encodes a whole document for a declared root, children in their declared order. */
export function encodeXml<R extends RootNode>(root: R, value: RootOut<R>): string {
  const out: string[] = [XML_DECLARATION];
  writeObject(out, root.name, root.node, value);
  return out.join('');
}
