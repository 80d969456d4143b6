/**
 * The Chevrotain grammar of .mlp files. Built once per process (see
 * `parseTokens`); error recovery is on so one pass reports many errors.
 * `grammar/` is generated from this class, so docs cannot drift.
 */
import { CstParser, type CstNode, type IOrAlt, type IToken, type IRecognitionException } from 'chevrotain';
import * as T from './tokens.ts';

export class MlpParser extends CstParser {
  /**
   * Each `OR`'s alternatives, built on the rule's first call and reused
   * (Chevrotain's advice: a fresh array of closures per call was a large
   * share of the allocation, and so of the GC pauses, per keystroke).
   */
  private readonly alternatives: Record<string, IOrAlt<unknown>[]> = {};

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: 'onlyOffset', maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  declaration = this.RULE('declaration', () => {
    this.OR(this.alternatives.declaration ??= [
      { ALT: () => this.SUBRULE(this.pipelineDecl) },
      { ALT: () => this.SUBRULE(this.dataDecl) },
      { ALT: () => this.SUBRULE(this.problemDecl) },
      { ALT: () => this.SUBRULE(this.prepareDecl) },
      { ALT: () => this.SUBRULE(this.featuresDecl) },
      { ALT: () => this.SUBRULE(this.splitDecl) },
      { ALT: () => this.SUBRULE(this.validateDecl) },
      { ALT: () => this.SUBRULE(this.modelsDecl) },
      { ALT: () => this.SUBRULE(this.searchDecl) },
      { ALT: () => this.SUBRULE(this.reportDecl) },
      { ALT: () => this.SUBRULE(this.exportDecl) },
      { ALT: () => this.SUBRULE(this.stageDecl) },
    ]);
  });

  pipelineDecl = this.RULE('pipelineDecl', () => {
    this.CONSUME(T.Pipeline);
    this.SUBRULE(this.name);
  });

  dataDecl = this.RULE('dataDecl', () => {
    this.CONSUME(T.Data);
    this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression, { LABEL: 'source' });
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.dataEntry));
      this.CONSUME(T.RBrace);
    });
  });

  /** `column : type` declares a column; `option = value` sets a reader option. */
  dataEntry = this.RULE('dataEntry', () => {
    this.SUBRULE(this.keyName, { LABEL: 'name' });
    this.OR(this.alternatives.dataEntry ??= [
      { ALT: () => { this.CONSUME(T.Colon); this.SUBRULE(this.expression, { LABEL: 'type' }); } },
      { ALT: () => { this.CONSUME(T.Equals); this.SUBRULE2(this.expression, { LABEL: 'value' }); } },
    ]);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  problemDecl = this.RULE('problemDecl', () => {
    this.CONSUME(T.Problem);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.settingsBlock));
  });

  settingsBlock = this.RULE('settingsBlock', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.setting));
    this.CONSUME(T.RBrace);
  });

  setting = this.RULE('setting', () => {
    this.SUBRULE(this.keyName, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  prepareDecl = this.RULE('prepareDecl', () => {
    this.CONSUME(T.Prepare);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.prepStep));
    this.CONSUME(T.RBrace);
  });

  prepStep = this.RULE('prepStep', () => {
    this.OR(this.alternatives.prepStep ??= [
      { ALT: () => this.SUBRULE(this.dropStep) },
      { ALT: () => this.SUBRULE(this.imputeStep) },
      { ALT: () => this.SUBRULE(this.clipStep) },
    ]);
    this.OPTION(() => this.SUBRULE(this.phase));
  });

  dropStep = this.RULE('dropStep', () => {
    this.CONSUME(T.Drop);
    this.OR(this.alternatives.dropStep ??= [
      { ALT: () => { this.CONSUME(T.Rows); this.CONSUME(T.Where); this.SUBRULE(this.expression); } },
      { ALT: () => { this.CONSUME(T.Duplicate); this.CONSUME2(T.Rows); } },
      { ALT: () => { this.CONSUME(T.Outliers); this.CONSUME(T.In); this.SUBRULE(this.nameList); this.CONSUME(T.By); this.SUBRULE2(this.expression, { LABEL: 'method' }); } },
      { ALT: () => { this.CONSUME(T.Columns); this.SUBRULE2(this.nameList); } },
    ]);
  });

  imputeStep = this.RULE('imputeStep', () => {
    this.CONSUME(T.Impute);
    this.SUBRULE(this.nameList);
    this.CONSUME(T.With);
    this.SUBRULE(this.expression);
  });

  clipStep = this.RULE('clipStep', () => {
    this.CONSUME(T.Clip);
    this.SUBRULE(this.nameList);
    this.CONSUME(T.To);
    this.SUBRULE(this.expression);
  });

  /** `during training` or `during training and prediction` */
  phase = this.RULE('phase', () => {
    this.CONSUME(T.During);
    this.SUBRULE(this.name);
    this.OPTION(() => { this.CONSUME(T.And); this.SUBRULE2(this.name); });
  });

  nameList = this.RULE('nameList', () => {
    this.SUBRULE(this.name);
    this.MANY(() => { this.CONSUME(T.Comma); this.SUBRULE2(this.name); });
  });

  featuresDecl = this.RULE('featuresDecl', () => {
    this.CONSUME(T.Features);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.OR(this.alternatives.featuresDecl ??= [
      { ALT: () => this.SUBRULE(this.featureDecl) },
      { ALT: () => this.SUBRULE(this.selectStep) },
    ]));
    this.CONSUME(T.RBrace);
  });

  featureDecl = this.RULE('featureDecl', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  selectStep = this.RULE('selectStep', () => {
    this.CONSUME(T.Select);
    this.SUBRULE(this.expression);
  });

  splitDecl = this.RULE('splitDecl', () => {
    this.CONSUME(T.Split);
    this.SUBRULE(this.settingsBlock);
  });

  validateDecl = this.RULE('validateDecl', () => {
    this.CONSUME(T.Validate);
    this.SUBRULE(this.expression);
  });

  modelsDecl = this.RULE('modelsDecl', () => {
    this.CONSUME(T.Models);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.modelDecl));
    this.CONSUME(T.RBrace);
  });

  modelDecl = this.RULE('modelDecl', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => { this.CONSUME(T.Using); this.SUBRULE(this.nameList); });
    this.OPTION2(() => this.CONSUME(T.Comma));
  });

  searchDecl = this.RULE('searchDecl', () => {
    this.CONSUME(T.Search);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.settingsBlock));
  });

  reportDecl = this.RULE('reportDecl', () => {
    this.CONSUME(T.Report);
    this.SUBRULE(this.expression);
    this.MANY(() => { this.CONSUME(T.Comma); this.SUBRULE2(this.expression); });
  });

  exportDecl = this.RULE('exportDecl', () => {
    this.CONSUME(T.Export);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.settingsBlock));
  });

  stageDecl = this.RULE('stageDecl', () => {
    this.OR(this.alternatives.stageDecl ??= [
      { ALT: () => this.CONSUME(T.Explore) },
      { ALT: () => this.CONSUME(T.Serve) },
      { ALT: () => this.CONSUME(T.Monitor) },
    ]);
    this.SUBRULE(this.settingsBlock);
  });

  /** A setting or argument name: a plain name, or a reserved word such as `by`, `columns` or `report`. */
  keyName = this.RULE('keyName', () => {
    this.OR(this.alternatives.keyName ??= [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.QuotedName) },
      { ALT: () => this.CONSUME(T.KeywordName) },
    ]);
  });

  name = this.RULE('name', () => {
    this.OR(this.alternatives.name ??= [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.QuotedName) },
    ]);
  });

  // ---- expressions ----
  // One flat rule: operands joined by binary operators (and the postfix
  // `is [not] missing`). Precedence is applied when the AST is built
  // (toAst.ts), which keeps the CST shallow: a precedence-climbing grammar
  // builds a dozen nested CST nodes for every name and number.

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.operand);
    this.MANY(() => this.OR(this.alternatives.expression ??= [
      { ALT: () => { this.CONSUME(T.BinaryOperator); this.SUBRULE2(this.operand); } },
      { ALT: () => { this.CONSUME(T.Is); this.OPTION(() => this.CONSUME(T.Not)); this.CONSUME(T.Missing); } },
    ]));
  });

  /** Prefix operators (`not`, `-`) and one primary value. */
  operand = this.RULE('operand', () => {
    this.MANY(() => this.OR(this.alternatives.operand ??= [
      { ALT: () => this.CONSUME(T.Not) },
      { ALT: () => this.CONSUME(T.Minus) },
    ]));
    this.OR2(this.alternatives.operand2 ??= [
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.Percent) },
      { ALT: () => this.CONSUME(T.Duration) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.UnterminatedString) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.SUBRULE(this.callOrRef) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.expression); this.CONSUME(T.RParen); } },
    ]);
  });

  /** A name, or a call `name(args)`; the name token is consumed here (not via `name`) to keep the CST small. */
  callOrRef = this.RULE('callOrRef', () => {
    this.OR(this.alternatives.callOrRef ??= [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.QuotedName) },
    ]);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.argument);
        this.MANY(() => { this.CONSUME(T.Comma); this.OPTION3(() => this.SUBRULE2(this.argument)); });
      });
      this.CONSUME(T.RParen);
    });
  });

  argument = this.RULE('argument', () => {
    this.OPTION(() => { this.SUBRULE(this.keyName, { LABEL: 'name' }); this.CONSUME(T.Colon); });
    this.SUBRULE(this.expression);
  });

  list = this.RULE('list', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => { this.CONSUME(T.Comma); this.OPTION2(() => this.SUBRULE2(this.expression)); });
    });
    this.CONSUME(T.RBracket);
  });
}

let instance: MlpParser | undefined;

/** The process-wide parser (Chevrotain parsers are expensive to build and meant to be reused). */
export function parser(): MlpParser {
  return (instance ??= new MlpParser());
}

export interface ParseOutput {
  /** one `file` CST per run: the parser restarts after input it could not parse at the top level */
  csts: CstNode[];
  parseErrors: IRecognitionException[];
}

const declarationStartNames = new Set(T.declarationKeywords.map((k) => k[0].toUpperCase() + k.slice(1)));
const opens = new Set(['LBrace', 'LParen', 'LBracket']);
const closes = new Set(['RBrace', 'RParen', 'RBracket']);

/**
 * Where top-level declarations start: a declaration keyword outside every
 * bracket. The front end parses each such chunk on its own, so the language
 * server can reuse the syntax tree of every chunk the edit did not touch.
 * Always contains 0 (the first chunk may start with junk before any keyword).
 */
export function declarationStarts(tokens: readonly IToken[]): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens[i].tokenType.name;
    if (opens.has(name)) depth++;
    else if (closes.has(name)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > 0 && declarationStartNames.has(name)) starts.push(i);
  }
  return starts;
}

/** Parses one chunk of tokens; never throws on bad input. */
export function parseTokens(tokens: IToken[]): ParseOutput {
  const p = parser();
  const csts: CstNode[] = [];
  const parseErrors: IRecognitionException[] = [];
  let rest = tokens;
  while (rest.length > 0) {
    p.input = rest;
    csts.push(p.file());
    const errors = p.errors;
    const stuck = errors.find((e) => e.name === 'NotAllInputParsedException');
    parseErrors.push(...errors);
    if (!stuck) break;
    // skip to the next token that can start a declaration and parse again
    const at = rest.indexOf(stuck.token);
    let next = at + 1;
    while (next < rest.length && !declarationStartNames.has(rest[next].tokenType.name)) next++;
    rest = at < 0 ? [] : rest.slice(next);
  }
  return { csts, parseErrors };
}
