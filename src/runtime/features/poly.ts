/** Pairwise interactions and degree-2 polynomial features (stateless). */
import { FeatureError, type FeatureBlock } from './contract.ts';

function check(columns: Float64Array[], names: string[]): void {
  if (columns.length !== names.length) throw new FeatureError(`poly: ${columns.length} columns but ${names.length} names`);
}

/** a*b for every pair of inputs, in order (a*b, a*c, b*c). */
export function interactions(columns: Float64Array[], names: string[]): FeatureBlock {
  check(columns, names);
  const out: FeatureBlock = { kind: 'dense', names: [], columns: [] };
  for (let a = 0; a < columns.length; a++)
    for (let b = a + 1; b < columns.length; b++) {
      out.names.push(`${names[a]}*${names[b]}`);
      out.columns.push(product(columns[a], columns[b]));
    }
  return out;
}

/** Inputs then degree-2 terms in sklearn PolynomialFeatures order (a^2, a*b, ..., b^2, ...); squares optional. */
export function polynomial(columns: Float64Array[], names: string[], squares = true): FeatureBlock {
  check(columns, names);
  const out: FeatureBlock = { kind: 'dense', names: names.slice(), columns: columns.map((c) => c.slice()) };
  for (let a = 0; a < columns.length; a++)
    for (let b = squares ? a : a + 1; b < columns.length; b++) {
      out.names.push(a === b ? `${names[a]}^2` : `${names[a]}*${names[b]}`);
      out.columns.push(product(columns[a], columns[b]));
    }
  return out;
}

function product(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * y[i];
  return out;
}
