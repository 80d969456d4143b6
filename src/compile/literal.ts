/**
 * Values from a .mlp file as TypeScript literals: data, never code. Strings
 * go through JSON.stringify (plus escapes for U+2028/U+2029 and `</`);
 * `-0`, NaN and ±Infinity, which JSON cannot hold, are written as the
 * number literals they are; a key `__proto__` is written as a computed key
 * so it stays an own property. Comments never contain user text.
 */

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function stringLiteral(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/<\//g, '<\\/');
}

export function numberLiteral(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return String(n);
}

function key(k: string): string {
  if (k === '__proto__') return `[${stringLiteral(k)}]`;
  return IDENT.test(k) ? k : stringLiteral(k);
}

/** A pretty-printed literal; short arrays and objects of primitives stay on one line. */
export function literal(value: unknown, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, indent + '  '));
    const flat = `[${items.join(', ')}]`;
    if (flat.length <= 100 && !flat.includes('\n')) return flat;
    return `[\n${items.map((i) => `${indent}  ${i},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v]) => `${key(k)}: ${literal(v, indent + '  ')}`);
    const flat = `{ ${items.join(', ')} }`;
    if (flat.length <= 100 && !flat.includes('\n')) return flat;
    return `{\n${items.map((i) => `${indent}  ${i},`).join('\n')}\n${indent}}`;
  }
  throw new Error(`cannot write ${typeof value} as a literal`);
}
