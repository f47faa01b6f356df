/*
 * No module of src/ imports itself through others (type-only imports included): a circle makes load order
 * matter and hides which concept depends on which. Imports are read from the source text.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '../../src');

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return modules(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The first import circle found by depth-first search, as a list of files, or null. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found !== null) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found !== null) return found;
    }
  }
  return null;
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/\bfrom\s+'([^']+)'/g)]
      .map((match) => resolve(file, match[1] as string))
      .filter((target): target is string => target !== null);
    graph.set(file, targets);
  }
  return graph;
}

describe('import circles', () => {
  test('the search finds a circle when there is one (so a pass means something)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCircle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  test('no module of src/ imports itself through others', () => {
    const circle = findCircle(importGraph(modules(SRC)));
    expect(circle?.map((file) => path.relative(SRC, file)) ?? null).toBeNull();
  });
});
