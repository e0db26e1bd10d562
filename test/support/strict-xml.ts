import { SaxesParser } from 'saxes';

/**
 * Checks a response body with a strict XML 1.0 parser (every character, name and nesting rule, as
 * a Java or libxml2 client applies them) and returns its root element's name.
 */
export function strictRoot(body: string): string {
  let root: string | undefined;
  const parser = new SaxesParser({ defaultXMLVersion: '1.0', forceXMLVersion: true });
  parser.on('opentag', (tag) => {
    root ??= tag.name;
  });
  parser.write(body).close();
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Whether a body is well-formed XML 1.0 (an empty body is not). */
export function isWellFormed(body: string): boolean {
  try {
    strictRoot(body);
    return true;
  } catch {
    return false;
  }
}
