/**
 * Declared XML mappings. Each Bandwidth payload is declared once with these builders: element names,
 * casing, child order and list style. The same declaration drives decoding (request bodies) and
 * encoding (responses), so a payload's wire shape lives in exactly one place.
 */

export interface LeafNode {
  readonly kind: 'leaf';
}

export interface ObjectNode<F extends Fields = Fields> {
  readonly kind: 'object';
  readonly fields: F;
  /** Fixed attributes written on every occurrence (e.g. xsi:type on SipPeer list entries). */
  readonly attrs: Readonly<Record<string, string>> | undefined;
}

/** A wrapped list: `<Wrapper><Item/>…</Wrapper>`; the wrapper is the field's own name. */
export interface ListNode<I extends XmlNode = XmlNode> {
  readonly kind: 'list';
  readonly item: string;
  readonly node: I;
  /** What an empty list looks like on the wire: `<Wrapper/>` (default) or nothing. */
  readonly empty: 'element' | 'omit';
}

/** Unwrapped repeated siblings: the field's name itself repeats (`<Errors/><Errors/>`). */
export interface RepeatedNode<I extends XmlNode = XmlNode> {
  readonly kind: 'repeated';
  readonly node: I;
}

export type XmlNode = LeafNode | ObjectNode | ListNode | RepeatedNode;
export type Fields = { readonly [name: string]: XmlNode };

/** A root element: a name and an object node. */
export interface RootNode<F extends Fields = Fields> {
  readonly name: string;
  readonly node: ObjectNode<F>;
}

const LEAF: LeafNode = { kind: 'leaf' };

export const x = {
  text(): LeafNode {
    return LEAF;
  },
  object<F extends Fields>(fields: F, attrs?: Record<string, string>): ObjectNode<F> {
    return { kind: 'object', fields, attrs };
  },
  list<I extends XmlNode>(item: string, node: I, empty: 'element' | 'omit' = 'element'): ListNode<I> {
    return { kind: 'list', item, node, empty };
  },
  repeated<I extends XmlNode>(node: I): RepeatedNode<I> {
    return { kind: 'repeated', node };
  },
  root<F extends Fields>(name: string, fields: F): RootNode<F> {
    return { name, node: { kind: 'object', fields, attrs: undefined } };
  },
};

/** Values accepted when encoding a leaf; `undefined` omits the element, `null` or `''` writes `<X/>`. */
export type LeafOut = string | number | boolean | Date | null | undefined;

export type Out<N extends XmlNode> = N extends LeafNode
  ? LeafOut
  : N extends ObjectNode<infer F>
    ? { readonly [K in keyof F]?: Out<F[K]> } | null | undefined
    : N extends ListNode<infer I>
      ? readonly Out<I>[] | undefined
      : N extends RepeatedNode<infer I>
        ? readonly Out<I>[] | undefined
        : never;

/**
 * Decoded request values: every leaf is a string (so `01234` stays `01234`). A wrapped list is
 * undefined when its wrapper is absent and `[]` when present but empty (a PUT that clears it);
 * repeated siblings decode to an array (possibly empty). Keys are optional so that the CLI, jobs
 * and tests can pass the same plain input with only the elements they need.
 */
export type In<N extends XmlNode> = N extends LeafNode
  ? string | undefined
  : N extends ObjectNode<infer F>
    ? { readonly [K in keyof F]?: In<F[K]> } | undefined
    : N extends ListNode<infer I>
      ? NonNullable<In<I>>[] | undefined
      : N extends RepeatedNode<infer I>
        ? NonNullable<In<I>>[]
        : never;

export type RootOut<R extends RootNode> = NonNullable<Out<R['node']>>;
export type RootIn<R extends RootNode> = NonNullable<In<R['node']>>;
