import { SaxesParser } from 'saxes';

/** An element of a document as a tree of names (text dropped), to compare with the contract's shapes. */
export interface Shape {
  readonly name: string;
  readonly children: Shape[];
}

/** The element tree of an XML document, in document order. */
export function shapeOf(xml: string): Shape {
  const stack: { name: string; children: Shape[] }[] = [];
  let root: Shape | undefined;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const node = { name: tag.name, children: [] as Shape[] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (stack.length === 0) root = node;
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/**
 * The contract's notation of a shape, `Root{A, B{C+}, D}` (contract.md §17), from a tree: children
 * in order, a repeated element written once with `+`.
 */
export function notation(shape: Shape): string {
  if (shape.children.length === 0) return shape.name;
  const parts: string[] = [];
  for (const child of shape.children) {
    const text = notation(child);
    const last = parts.at(-1);
    if (last === text || last === `${text}+`) parts[parts.length - 1] = `${text}+`;
    else parts.push(text);
  }
  return `${shape.name}{${parts.join(', ')}}`;
}
