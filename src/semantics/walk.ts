/** Walks over IR expressions, shared by the checker's rules, the optimizer and the interpreter. */
import type { FeatureExprIR, PredicateIR, ValueIR } from './ir.ts';

/** Calls `visit` on every node of a feature expression, parents before children. */
export function forEachNode(e: FeatureExprIR, visit: (node: FeatureExprIR) => void): void {
  visit(e);
  if (e.op === 'transform') e.inputs.forEach((i) => forEachNode(i, visit));
  else if (e.op === 'arith') { forEachNode(e.left, visit); forEachNode(e.right, visit); }
  else if (e.op === 'neg') forEachNode(e.operand, visit);
}

function valueColumns(v: ValueIR, out: Set<string>): void {
  if (v.op === 'column') out.add(v.name);
  else if (v.op === 'arith') { valueColumns(v.left, out); valueColumns(v.right, out); }
  else if (v.op === 'neg') valueColumns(v.operand, out);
}

/** Adds the columns a row predicate reads to `out`. */
export function predicateColumns(p: PredicateIR, out: Set<string>): Set<string> {
  switch (p.op) {
    case 'and': case 'or': predicateColumns(p.left, out); predicateColumns(p.right, out); break;
    case 'not': predicateColumns(p.operand, out); break;
    case 'missing': valueColumns(p.column, out); break;
    case 'in': valueColumns(p.value, out); break;
    case 'compare': valueColumns(p.left, out); valueColumns(p.right, out); break;
  }
  return out;
}
