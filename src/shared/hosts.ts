import { isIP } from 'node:net';

/** Host names as SIP peers carry them: IPv4/IPv6 addresses, fully qualified domain names, IPv4 CIDR blocks. */

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function isFqdn(name: string): boolean {
  if (name.length > 253) return false;
  const labels = name.replace(/\.$/, '').split('.');
  if (labels.length < 2) return false;
  if (!/^[A-Za-z]{2,63}$/.test(labels[labels.length - 1] ?? '')) return false;
  return labels.every((l) => LABEL.test(l));
}

/** An address or domain name a call or message can be sent to. */
export function isHost(name: string): boolean {
  return isIP(name) !== 0 || isFqdn(name);
}

export function parseIpv4(text: string): number | undefined {
  if (isIP(text) !== 4) return undefined;
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Ipv4Range {
  readonly start: number;
  readonly end: number;
  readonly prefix: number;
}

export type CidrResult =
  | { readonly ok: true; readonly range: Ipv4Range }
  | { readonly ok: false; readonly reason: 'invalid' | 'mask'; readonly network?: undefined }
  | { readonly ok: false; readonly reason: 'host-bits'; readonly network: string };

/** `a.b.c.d` (a /32) or `a.b.c.d/nn`; the address must be the network address of its block. */
export function parseIpv4Cidr(text: string, minPrefix: number): CidrResult {
  const [addr, prefixText, extra] = text.split('/');
  if (addr === undefined || extra !== undefined) return { ok: false, reason: 'invalid' };
  const ip = parseIpv4(addr);
  if (ip === undefined) return { ok: false, reason: 'invalid' };
  const prefix = prefixText === undefined ? 32 : /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < minPrefix || prefix > 32) return { ok: false, reason: 'mask' };
  const size = 2 ** (32 - prefix);
  const start = Math.floor(ip / size) * size;
  if (start !== ip) return { ok: false, reason: 'host-bits', network: `${formatIpv4(start)}/${prefix}` };
  return { ok: true, range: { start, end: start + size - 1, prefix } };
}

/** Ranges no customer equipment can live in: "this" network, loopback, link-local, multicast, reserved. */
const PROHIBITED: readonly Ipv4Range[] = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/3'].map(
  (c) => {
    const r = parseIpv4Cidr(c, 0);
    if (!r.ok) throw new Error(c);
    return r.range;
  },
);

export function isProhibitedRange(range: Ipv4Range): boolean {
  return PROHIBITED.some((p) => rangesOverlap(p, range));
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}
