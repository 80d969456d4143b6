/**
 * A small TypeScript bundler for `mlp compile`: inlines this project's
 * modules into one file, each wrapped in a `namespace` so top-level names
 * cannot collide, in dependency order.
 *
 * - `import { a, type B, c as d } from './x.ts'` becomes
 *   `import a = x.a; import B = x.B; import d = x.c;` (`import * as n` → `import n = x;`).
 * - Imports of packages and Node built-ins are hoisted to the top of the file
 *   (one binding per local name; a clash is an error).
 * - Type imports from modules declared in src/types/*.d.ts (packages without
 *   types) become a `declare namespace` copy of the declarations.
 * - `replace` substitutes generated source for a module (the model registry,
 *   the catalog); `workers` wraps a worker module's body in `export function serve()`.
 *
 * The sources are the ones the interpreter runs; nothing but the import
 * lines is rewritten.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BundleOptions {
  /** directory the namespace names are relative to (src/) */
  root: string;
  /** absolute paths of the modules to start from */
  entries: string[];
  /** absolute path → source text used instead of the file */
  replace?: Map<string, string>;
  /** absolute paths of worker entry modules (their body runs in serve()) */
  workers?: Set<string>;
  /** module specifier → `declare module` body, for packages without types */
  ambient?: Map<string, string>;
}

export interface Bundle {
  /** hoisted import lines */
  imports: string[];
  /** `declare namespace` blocks for untyped packages */
  declarations: string[];
  /** the namespaces, in dependency order */
  modules: { file: string; ns: string; code: string }[];
  /** namespace name of each bundled file */
  names: Map<string, string>;
  /** npm packages imported (not node: built-ins) */
  packages: Set<string>;
}

interface ImportStmt {
  text: string;
  kind: 'import' | 'export';
  typeOnly: boolean;
  /** `* as x` */
  star?: string;
  default?: string;
  named: { imported: string; local: string; type: boolean }[];
  from: string;
}

const IMPORT_RE = /^(import|export)\s+(type\s+)?([\w$]+\s*,\s*\{[^}]*\}|\{[^}]*\}|\*\s+as\s+[\w$]+|[\w$]+)\s+from\s+'([^']+)';?[ \t]*$/gm;
/** `import('./x.ts').T` in a type */
const TYPE_IMPORT_RE = /\bimport\('(\.{1,2}\/[^']+)'\)\.([\w$]+)/g;
const EXPORT_LIST_RE = /^export\s+(type\s+)?\{([^}]*)\};?[ \t]*$/gm;

function parseNamed(list: string, allType: boolean): ImportStmt['named'] {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const type = allType || s.startsWith('type ');
    const [imported, local] = s.replace(/^type\s+/, '').split(/\s+as\s+/);
    return { imported, local: local ?? imported, type };
  });
}

export function parseImports(source: string): ImportStmt[] {
  const out: ImportStmt[] = [];
  for (const m of source.matchAll(IMPORT_RE)) {
    const [text, kind, typeKw, clause, from] = m;
    const stmt: ImportStmt = { text, kind: kind as 'import' | 'export', typeOnly: !!typeKw, named: [], from };
    const c = clause.trim();
    if (c.startsWith('*')) stmt.star = c.replace(/^\*\s+as\s+/, '');
    else {
      const brace = c.indexOf('{');
      if (brace < 0) stmt.default = c;
      else {
        if (brace > 0) stmt.default = c.slice(0, c.indexOf(',')).trim();
        stmt.named = parseNamed(c.slice(brace + 1, c.lastIndexOf('}')), !!typeKw);
      }
    }
    out.push(stmt);
  }
  return out;
}

/** `runtime/models/linear.ts` → `runtime_models_linear` */
export function namespaceName(root: string, file: string): string {
  return path.relative(root, file).replace(/\.ts$/, '').replace(/[^A-Za-z0-9_$]/g, '_');
}

const isRelative = (spec: string) => spec.startsWith('./') || spec.startsWith('../');
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Turns a `declare module '…' { … }` body into a `declare namespace` body. */
function ambientBody(body: string, ambientNames: Map<string, string>): string {
  return body
    .split('\n')
    .filter((l) => !/^\s*export default\b/.test(l) && !/^\s*import type\b/.test(l))
    .join('\n')
    .replace(/import\('([^']+)'\)\.([\w$]+)/g, (m, spec: string, name: string) => (ambientNames.has(spec) ? `${ambientNames.get(spec)}.${name}` : m));
}

/** Reads `declare module 'x' { … }` blocks of a .d.ts file. */
export function readAmbientModules(dts: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^declare module '([^']+)' \{\n([\s\S]*?)^\}/gm;
  for (const m of dts.matchAll(re)) out.set(m[1], m[2]);
  return out;
}

export function bundle(options: BundleOptions): Bundle {
  const sources = new Map<string, string>();
  const deps = new Map<string, string[]>();
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  /** import edges that close a cycle ("file\0target"): the target is not initialised yet when the importer is */
  const lazy = new Set<string>();
  const read = (file: string) => options.replace?.get(file) ?? fs.readFileSync(file, 'utf8');

  const visit = (file: string, from: string[]) => {
    const s = state.get(file);
    if (s === 'done') return;
    if (s === 'visiting') { lazy.add(`${from[from.length - 1]}\0${file}`); return; }
    state.set(file, 'visiting');
    const source = read(file);
    sources.set(file, source);
    const mine: string[] = [];
    const specs = [...parseImports(source).map((s) => s.from), ...[...source.matchAll(TYPE_IMPORT_RE)].map((m) => m[1])];
    for (const spec of specs) {
      if (!isRelative(spec)) continue;
      const target = path.resolve(path.dirname(file), spec);
      mine.push(target);
      visit(target, [...from, file]);
    }
    deps.set(file, mine);
    state.set(file, 'done');
    order.push(file);
  };
  for (const e of options.entries) visit(e, []);

  const names = new Map(order.map((f) => [f, namespaceName(options.root, f)]));
  const ambientNames = new Map([...(options.ambient?.keys() ?? [])].map((spec) => [spec, spec.replace(/\.js$/, '').replace(/[^A-Za-z0-9_$]/g, '_')]));
  const usedAmbient = new Set<string>();
  const hoisted = new Map<string, { from: string; imported: string; type: boolean }>();
  const packages = new Set<string>();

  const hoist = (local: string, from: string, imported: string, type: boolean, file: string) => {
    const prev = hoisted.get(local);
    if (prev && (prev.from !== from || prev.imported !== imported)) throw new Error(`${path.relative(options.root, file)}: '${local}' is imported from both '${prev.from}' and '${from}'`);
    hoisted.set(local, { from, imported, type: type && (prev?.type ?? true) });
    if (!from.startsWith('node:')) packages.add(packageOf(from));
  };

  const modules = order.map((file) => {
    let code = sources.get(file)!;
    const exportedAliases = new Set<string>();
    for (const m of code.matchAll(EXPORT_LIST_RE)) parseNamed(m[2], false).forEach((n) => exportedAliases.add(n.local));
    code = code.replace(EXPORT_LIST_RE, '');
    for (const stmt of parseImports(code)) {
      const lines: string[] = [];
      if (isRelative(stmt.from)) {
        const target = path.resolve(path.dirname(file), stmt.from);
        const ns = names.get(target)!;
        const exp = stmt.kind === 'export' ? 'export ' : '';
        if (lazy.has(`${file}\0${target}`)) {
          // a cycle: call through the namespace, which is initialised by the time the function runs
          if (stmt.star || stmt.default || exp) throw new Error(`${path.relative(options.root, file)}: cyclic import of ${stmt.from} must name functions`);
          for (const n of stmt.named) lines.push(n.type ? `type ${n.local} = ${ns}.${n.imported};` : `const ${n.local} = ((...args) => ${ns}.${n.imported}(...args)) as typeof ${ns}.${n.imported}; // (import cycle: called late)`);
          code = code.replace(stmt.text, lines.join('\n'));
          continue;
        }
        if (stmt.star) lines.push(`${exp}import ${stmt.star} = ${ns};`);
        if (stmt.default) throw new Error(`${path.relative(options.root, file)}: default imports of project modules are not supported`);
        for (const n of stmt.named) lines.push(`${exp || (exportedAliases.has(n.local) ? 'export ' : '')}import ${n.local} = ${ns}.${n.imported};`);
      } else if (options.ambient?.has(stmt.from)) {
        const ns = ambientNames.get(stmt.from)!;
        usedAmbient.add(stmt.from);
        const body = options.ambient.get(stmt.from)!;
        for (const n of stmt.named) {
          lines.push(`type ${n.local} = ${ns}.${n.imported};`);
          if (new RegExp(`\\bclass\\s+${n.imported}\\b`).test(body)) lines.push(`declare const ${n.local}: typeof ${ns}.${n.imported};`);
        }
      } else {
        if (stmt.kind === 'export') throw new Error(`${path.relative(options.root, file)}: re-exports of packages are not supported`);
        if (stmt.star) hoist(stmt.star, stmt.from, '*', stmt.typeOnly, file);
        if (stmt.default) hoist(stmt.default, stmt.from, 'default', stmt.typeOnly, file);
        for (const n of stmt.named) hoist(n.local, stmt.from, n.imported, n.type, file);
      }
      code = code.replace(stmt.text, lines.join('\n'));
    }
    // `import { X } from './a.ts'` and `export { X } from './a.ts'` in one module: keep the exported alias only
    for (const m of [...code.matchAll(/^export (import ([\w$]+) = [\w$.]+;)$/gm)]) code = code.replace(new RegExp(`^${m[1].replace(/[$.]/g, '\\$&')}\n?`, 'm'), '');
    code = code.replace(TYPE_IMPORT_RE, (_, spec: string, name: string) => `${names.get(path.resolve(path.dirname(file), spec))}.${name}`);
    code = code.replace(/\n{3,}/g, '\n\n').trim();
    const ns = names.get(file)!;
    if (options.workers?.has(file)) code = wrapWorker(code);
    // a namespace with no values is not emitted, and `import T = ns.T` would then fail at run time
    if (!/^export\s+(async\s+)?(function|const|let|class|enum|import)\b/m.test(code)) code += `\n/** (this module declares types only) */\nexport const typesOnly = true;`;
    return { file, ns, code: `namespace ${ns} {\n${code}\n}` };
  });

  const byModule = new Map<string, string[]>();
  for (const [local, h] of [...hoisted].sort((a, b) => a[1].from.localeCompare(b[1].from))) {
    const list = byModule.get(h.from) ?? [];
    list.push(h.imported === '*' ? `* as ${local}` : h.imported === 'default' ? `default as ${local}` : `${h.type ? 'type ' : ''}${h.imported === local ? local : `${h.imported} as ${local}`}`);
    byModule.set(h.from, list);
  }
  const imports = [...byModule].map(([from, list]) => {
    const star = list.find((l) => l.startsWith('* as '));
    const def = list.find((l) => l.startsWith('default as '));
    const named = list.filter((l) => l !== star && l !== def);
    const head = [def?.slice('default as '.length), star, named.length ? `{ ${named.join(', ')} }` : undefined].filter(Boolean).join(', ');
    return `import ${head} from '${from}';`;
  });
  const declarations = [...usedAmbient].map((spec) => `/** Types of ${spec} (the package ships none). */\ndeclare namespace ${ambientNames.get(spec)} {\n${ambientBody(options.ambient!.get(spec)!, ambientNames).replace(/^\n+|\s+$/g, '')}\n}`);
  return { imports, declarations, modules, names, packages };
}

/** A worker module's top-level statements, moved into `export function serve()` (imports stay outside). */
function wrapWorker(code: string): string {
  const lines = code.split('\n');
  let i = 0;
  while (i < lines.length && (/^\s*(\/\*\*|\*|\/\/)/.test(lines[i]) || /^(export )?import [\w$]+ = /.test(lines[i]) || !lines[i].trim())) i++;
  return `${lines.slice(0, i).join('\n')}\n/** The worker's body, run when this program is started as that worker. */\nexport function serve(): void {\n${lines.slice(i).join('\n')}\n}`;
}
