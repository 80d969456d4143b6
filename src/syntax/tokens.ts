/**
 * The lexer's vocabulary. Keywords are reserved only where the grammar needs
 * them to start a statement or join a clause; everything else (task names,
 * strategies, model names) is an identifier the checker resolves, so columns
 * can be called almost anything (and `backticks` quote any other name).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

/** Every infix operator; the parser reads operator sequences flat and toAst applies precedence. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA, label: 'operator' });

/** Reserved words that may still name a setting or an argument (`by = date`, `report = "out"`). */
export const KeywordName = createToken({ name: 'KeywordName', pattern: Lexer.NA, label: 'name' });

const keywordTokens: TokenType[] = [];
function keyword(word: string, usableAsName = true, categories: TokenType[] = []): TokenType {
  const token = createToken({ name: word[0].toUpperCase() + word.slice(1), pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'`, categories: usableAsName ? [KeywordName, ...categories] : categories });
  keywordTokens.push(token);
  return token;
}

// declarations
export const Pipeline = keyword('pipeline');
export const Data = keyword('data');
export const Problem = keyword('problem');
export const Prepare = keyword('prepare');
export const Features = keyword('features');
export const Split = keyword('split');
export const Validate = keyword('validate');
export const Models = keyword('models');
export const Search = keyword('search');
export const Report = keyword('report');
export const Export = keyword('export');
export const Explore = keyword('explore');
export const Serve = keyword('serve');
export const Monitor = keyword('monitor');
// statements and clauses
export const Drop = keyword('drop');
export const Impute = keyword('impute');
export const Clip = keyword('clip');
export const Select = keyword('select');
export const Rows = keyword('rows');
export const Where = keyword('where');
export const Duplicate = keyword('duplicate');
export const Outliers = keyword('outliers');
export const Columns = keyword('columns');
export const With = keyword('with');
export const To = keyword('to');
export const By = keyword('by');
export const In = keyword('in', true, [BinaryOperator]);
export const Using = keyword('using');
export const During = keyword('during');
// expressions
export const And = keyword('and', false, [BinaryOperator]);
export const Or = keyword('or', false, [BinaryOperator]);
export const Not = keyword('not', false);
export const Is = keyword('is', false);
export const Missing = keyword('missing');
export const True = keyword('true', false);
export const False = keyword('false', false);
export const Null = keyword('null', false);

export const QuotedName = createToken({ name: 'QuotedName', pattern: /`[^`\n]*`/, label: 'quoted name' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n\r]|\\.)*"/, label: 'string' });
/** A string that reaches the end of the line: lexed so the checker can say "unterminated string". */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\.)*/, label: 'unterminated string' });
export const Percent = createToken({ name: 'Percent', pattern: /\d+(?:\.\d+)?%/, label: 'percentage' });
export const Duration = createToken({ name: 'Duration', pattern: /\d+(?:\.\d+)?(?:ms|s|m|h)(?![A-Za-z0-9_])/, label: 'duration' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, label: 'number' });

export const DocComment = createToken({ name: 'DocComment', pattern: /\/\/\/[^\n\r]*/, group: 'comments' });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });

export const PipeOp = createToken({ name: 'PipeOp', pattern: /\|>/, label: "'|>'", categories: [BinaryOperator] });
export const RangeOp = createToken({ name: 'RangeOp', pattern: /\.\./, label: "'..'", categories: [BinaryOperator] });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/, label: "'<='", categories: [BinaryOperator] });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/, label: "'>='", categories: [BinaryOperator] });
export const EqualEq = createToken({ name: 'EqualEq', pattern: /==/, label: "'=='", categories: [BinaryOperator] });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=/, label: "'!='", categories: [BinaryOperator] });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'", categories: [BinaryOperator] });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'", categories: [BinaryOperator] });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, label: "']'" });
export const LBrace = createToken({ name: 'LBrace', pattern: /{/, label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/, label: "'}'" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'", categories: [BinaryOperator] });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: "'-'", categories: [BinaryOperator] });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: "'*'", categories: [BinaryOperator] });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'", categories: [BinaryOperator] });
export const Caret = createToken({ name: 'Caret', pattern: /\^/, label: "'^'", categories: [BinaryOperator] });

export const keywords: readonly TokenType[] = keywordTokens;

/** Every token in matching order (comments before '/', longer operators first, keywords before Identifier). */
export const allTokens: TokenType[] = [
  WhiteSpace, DocComment, LineComment, BlockComment,
  StringLiteral, UnterminatedString, QuotedName,
  Percent, Duration, NumberLiteral,
  PipeOp, RangeOp, LessEq, GreaterEq, EqualEq, NotEq, Less, Greater, Equals,
  Colon, Comma, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Plus, Minus, Star, Slash, Caret,
  ...keywordTokens, Identifier, KeywordName, BinaryOperator,
];

export const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });

/** Words that start a top-level declaration (used by recovery, completion and the formatter). */
export const declarationKeywords = ['pipeline', 'data', 'problem', 'prepare', 'features', 'split', 'validate', 'models', 'search', 'report', 'export', 'explore', 'serve', 'monitor'] as const;
