/** Parses an inventory size: `1m`, `10m`, `250k`, `500000`. */
export function parseInventorySize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([km])?$/i.exec(text.trim());
  if (!m) throw new Error(`inventory size must look like 1m, 10m, 250k or 500000, got '${text}'`);
  const n = Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1e6 : m[2] ? 1e3 : 1));
  if (n < 1 || n > 50_000_000) throw new Error(`inventory size must be between 1 and 50m, got '${text}'`);
  return n;
}
