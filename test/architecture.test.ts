import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

/**
 * The dependency rule, checked on the source as it is (docs/ARCHITECTURE.md): the folders of src/
 * form no cycle, platform/ and shared/ import no feature, and features meet only through their
 * index.ts. Type-only imports are left out: they vanish at run time and create no load order; so
 * are tests and their fixtures, which may set up any feature they need.
 */
const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The folder a file belongs to: `features/<name>`, or the top folder under src/ (`platform`, …). */
function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === 'features' && parts.length > 2) return `features/${parts[1] ?? ''}`;
  return parts.length > 1 ? (parts[0] ?? '') : 'src';
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly target: string;
}

/** Runtime imports (and re-exports) of relative modules; `import type` / `export type` excluded. */
function edges(): Edge[] {
  const out: Edge[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?'(\.[^']+)'/gm;
  const dynamic = /\bimport\('(\.[^']+)'\)/g;
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      if (m[2]) continue;
      const target = path.resolve(path.dirname(file), (m[3] ?? '').replace(/\.js$/, '.ts'));
      out.push({ from: folderOf(file), to: folderOf(target), file, target });
    }
    for (const m of text.matchAll(dynamic)) {
      const target = path.resolve(path.dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'));
      out.push({ from: folderOf(file), to: folderOf(target), file, target });
    }
  }
  return out;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const next of graph.get(n) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('architecture', () => {
  const all = edges();

  it('finds the imports it checks (the scan itself works)', () => {
    assert.ok(all.length > 200, `only ${all.length} imports found`);
    assert.ok(all.some((e) => e.from === 'features/orders' && e.to === 'features/orders-common'));
  });

  it('has no import cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      if (e.from === e.to) continue;
      if (!graph.has(e.from)) graph.set(e.from, new Set());
      graph.get(e.from)?.add(e.to);
    }
    const cycle = findCycle(graph);
    assert.equal(cycle, undefined, `folder cycle: ${cycle?.join(' -> ') ?? ''}`);
  });

  it('keeps platform/ and shared/ free of features, and platform/ free of shared/', () => {
    const bad = all.filter(
      (e) =>
        (['platform', 'shared'].includes(e.from) && e.to.startsWith('features')) ||
        (e.from === 'platform' && e.to === 'shared'),
    );
    assert.deepEqual(
      bad.map((e) => path.relative(SRC, e.file)),
      [],
    );
  });

  it('lets a feature reach another only through its index.ts', () => {
    const bad = all.filter(
      (e) => e.to.startsWith('features/') && e.from !== e.to && path.basename(e.target) !== 'index.ts',
    );
    assert.deepEqual(
      bad.map((e) => `${path.relative(SRC, e.file)} -> ${path.relative(SRC, e.target)}`),
      [],
    );
  });
});
