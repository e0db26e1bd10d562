import { x } from '../xml/schema.js';

/**
 * Bandwidth's in-body paging links (contract §7): each link's text is a Link-header-like string,
 * `Link=<https://host/v1.0/accounts/…?page=1&size=10>;rel="first";`. Pages are addressed by the key
 * of their first record, so `next` carries the next record's key; it is omitted on the last page.
 */
export const LinksXml = x.object({ first: x.text(), previous: x.text(), next: x.text(), last: x.text() });

export function linkText(url: string, rel: 'first' | 'next' | 'previous' | 'last'): string {
  return `Link=<${url}>;rel="${rel}";`;
}

export function pageUrl(base: string, params: Readonly<Record<string, string | number | undefined>>): string {
  const qs = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return qs ? `${base}?${qs}` : base;
}

export interface PageLinks {
  readonly first: string;
  readonly next?: string | undefined;
}

/** `<Links>` content for a page: `first` always, `next` when there is a following page. */
export function pageLinks(
  base: string,
  filters: Readonly<Record<string, string | number | undefined>>,
  size: number,
  nextKey: string | undefined,
): PageLinks {
  return {
    first: linkText(pageUrl(base, { ...filters, page: 1, size }), 'first'),
    next:
      nextKey === undefined
        ? undefined
        : linkText(pageUrl(base, { ...filters, page: nextKey, size }), 'next'),
  };
}
