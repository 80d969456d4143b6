/**
 * The abstract syntax tree. Every node carries its source span as offsets
 * into the document ([start, end), 0-based UTF-16 units); `positions.ts`
 * turns offsets into line/column. Recovered parses produce nodes with
 * `Missing` expressions in place of what could not be parsed.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Name {
  kind: 'Name';
  text: string;
  /** written `in backticks` */
  quoted: boolean;
  span: Span;
}

export type Expr =
  | NumberLit | PercentLit | DurationLit | StringLit | BoolLit | NullLit
  | Ref | Call | ListExpr | RangeExpr | UnaryExpr | BinaryExpr | IsMissingExpr | InExpr | PipeExpr | MissingExpr;

export interface NumberLit { kind: 'Number'; value: number; raw: string; span: Span }
/** `20%` — value is the fraction (0.2) */
export interface PercentLit { kind: 'Percent'; value: number; raw: string; span: Span }
/** `30s`, `10m`, `2h` — value in seconds */
export interface DurationLit { kind: 'Duration'; value: number; raw: string; span: Span }
export interface StringLit { kind: 'String'; value: string; raw: string; terminated: boolean; span: Span }
export interface BoolLit { kind: 'Bool'; value: boolean; span: Span }
export interface NullLit { kind: 'Null'; span: Span }
/** A bare name: a column, feature, enum value, transform or metric, resolved by the checker. */
export interface Ref { kind: 'Ref'; name: Name; span: Span }
export interface Arg { name?: Name; value: Expr; span: Span }
export interface Call { kind: 'Call'; callee: Name; args: Arg[]; span: Span }
export interface ListExpr { kind: 'List'; items: Expr[]; span: Span }
export interface RangeExpr { kind: 'Range'; from: Expr; to: Expr; span: Span }
export interface UnaryExpr { kind: 'Unary'; op: '-' | 'not'; operand: Expr; span: Span }
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export interface BinaryExpr { kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
export interface IsMissingExpr { kind: 'IsMissing'; operand: Expr; negated: boolean; span: Span }
export interface InExpr { kind: 'In'; operand: Expr; set: Expr; span: Span }
/** `a |> f |> g(x: 1)` — each step is a Ref or a Call whose first input is the value piped in. */
export interface PipeExpr { kind: 'Pipe'; input: Expr; steps: Expr[]; span: Span }
/** Placeholder where the parser recovered from an error. */
export interface MissingExpr { kind: 'Missing'; span: Span }

export interface Setting { key: Name; value: Expr; span: Span }

/** `during training` / `during training and prediction` */
export interface Phase { names: Name[]; span: Span }

export type PrepStep =
  | { kind: 'DropRows'; where: Expr; phase?: Phase; span: Span }
  | { kind: 'DropDuplicates'; phase?: Phase; span: Span }
  | { kind: 'DropOutliers'; columns: Name[]; method: Expr; phase?: Phase; span: Span }
  | { kind: 'DropColumns'; columns: Name[]; phase?: Phase; span: Span }
  | { kind: 'Impute'; columns: Name[]; strategy: Expr; phase?: Phase; span: Span }
  | { kind: 'Clip'; columns: Name[]; method: Expr; phase?: Phase; span: Span };

export interface ColumnDecl { name: Name; type: Expr; span: Span }
export interface FeatureDecl { name: Name; value: Expr; doc?: string; span: Span }
export interface ModelDecl { name: Name; value: Expr; using?: Name[]; doc?: string; span: Span }

export type Decl =
  | { kind: 'Pipeline'; name?: Name; doc?: string; span: Span; keywordSpan: Span }
  | { kind: 'Data'; name?: Name; source: Expr; columns: ColumnDecl[]; options: Setting[]; doc?: string; span: Span; keywordSpan: Span }
  | { kind: 'Problem'; task?: Name; settings: Setting[]; span: Span; keywordSpan: Span }
  | { kind: 'Prepare'; steps: PrepStep[]; span: Span; keywordSpan: Span }
  | { kind: 'Features'; features: FeatureDecl[]; selects: Expr[]; span: Span; keywordSpan: Span }
  | { kind: 'Split'; settings: Setting[]; span: Span; keywordSpan: Span }
  | { kind: 'Validate'; method: Expr; span: Span; keywordSpan: Span }
  | { kind: 'Models'; models: ModelDecl[]; span: Span; keywordSpan: Span }
  | { kind: 'Search'; strategy?: Name; settings: Setting[]; span: Span; keywordSpan: Span }
  | { kind: 'Report'; items: Expr[]; span: Span; keywordSpan: Span }
  | { kind: 'Export'; path: Expr; settings: Setting[]; span: Span; keywordSpan: Span }
  | { kind: 'Stage'; stage: 'explore' | 'serve' | 'monitor'; settings: Setting[]; span: Span; keywordSpan: Span };

export type DeclKind = Decl['kind'];

export interface Comment {
  text: string;
  /** `///` doc comment */
  doc: boolean;
  span: Span;
}

export interface File {
  decls: Decl[];
  comments: Comment[];
  span: Span;
}

/** Span covering a and b. */
export function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
