import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runFmt } from '../../src/cli/fmt.ts';
import { Reporter } from '../../src/diagnostics/diagnostic.ts';
import { formatText, printExpr } from '../../src/format/format.ts';
import type * as A from '../../src/syntax/ast.ts';
import { parse } from '../../src/syntax/parse.ts';
import { lexer } from '../../src/syntax/tokens.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-fmt-test-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function fmt(text: string): string {
  const r = formatText(text);
  if ('error' in r) throw new Error(`formatText failed: ${r.error}\n--- input ---\n${text}`);
  return r.text;
}

/** Comment texts as a sorted multiset (line comments compared without trailing spaces). */
function comments(text: string): string[] {
  const lexed = lexer.tokenize(text);
  return (lexed.groups.comments ?? []).map((c) => (c.image.startsWith('/*') ? c.image.replace(/\r\n?/g, '\n') : c.image.trimEnd())).sort();
}

/** Non-comment token images, commas left out. */
function codeTokens(text: string): string[] {
  return lexer.tokenize(text).tokens.map((t) => t.image).filter((t) => t !== ',');
}

/** Formats, and checks the invariants every formatting must keep. */
function checkedFormat(text: string): string {
  const out = fmt(text);
  expect(fmt(out)).toBe(out);
  expect(comments(out)).toEqual(comments(text));
  expect(out.endsWith('\n') || out === '').toBe(true);
  expect(out.endsWith('\n\n')).toBe(false);
  expect(out).not.toMatch(/\r/);
  expect(out).not.toMatch(/[ \t]+\n/);
  return out;
}

const spamFilter = `// Classify e-mails as spam or ham.
pipeline spam_filter

data emails = csv("data/spam.csv") {
  text  : text
  label : category
}

problem classification {
  target   = label
  positive = "spam"
  metric   = f1
}

prepare {
  drop rows where label is missing
  drop duplicate rows
}

features {
  words  = tfidf(text, max_features: 20000, min_df: 2, ngrams: 1..2, stopwords: english)
  length = text |> length |> log1p |> standardize
}

split    { test = 20%, stratify = label, seed = 42 }
validate kfold(5)

models {
  nb  = multinomial_nb(alpha: [0.01, 0.1, 1.0])
  svm = linear_svm(C: logspace(-2, 2, 5))
  lr  = logistic(l2: [0, 0.01], iterations: 300)
}

search grid
report accuracy, precision, recall, f1, confusion
export "models/spam.model.json"
`;

const spamFilterCanonical = `// Classify e-mails as spam or ham.
pipeline spam_filter

data emails = csv("data/spam.csv") {
  text: text
  label: category
}

problem classification {
  target = label
  positive = "spam"
  metric = f1
}

prepare {
  drop rows where label is missing
  drop duplicate rows
}

features {
  words = tfidf(text, max_features: 20000, min_df: 2, ngrams: 1..2, stopwords: english)
  length = text |> length |> log1p |> standardize
}

split {
  test = 20%
  stratify = label
  seed = 42
}

validate kfold(5)

models {
  nb = multinomial_nb(alpha: [0.01, 0.1, 1.0])
  svm = linear_svm(C: logspace(-2, 2, 5))
  lr = logistic(l2: [0, 0.01], iterations: 300)
}

search grid

report accuracy, precision, recall, f1, confusion

export "models/spam.model.json"
`;

/** Realistic pipelines that together use every construct of the language. */
const realistic: Record<string, string> = {
  spamFilter,
  penguins: `pipeline penguin_mass

data penguins = csv("data/penguins.csv")     // column types inferred from the file

problem regression {
  target = body_mass_g
  metric = rmse
}

prepare {
  drop rows where body_mass_g is missing
  impute bill_length_mm, bill_depth_mm, flipper_length_mm with median
  impute sex with mode
  clip flipper_length_mm to iqr(1.5)
}

features {
  size    = standardize(bill_length_mm, bill_depth_mm, flipper_length_mm)
  kind    = onehot(species, island, sex)
  ratio   = bill_length_mm / bill_depth_mm
}

split    { test = 0.25, seed = 7 }
validate kfold(5)

models {
  ridge  = ridge(alpha: logspace(-3, 3, 7))
  forest = random_forest(trees: [50, 100], max_depth: 4..10)
  knn    = knn(k: 1..15, weights: [uniform, distance])
}

search random { trials = 40 }
`,
  everything: `/// Churn prediction.
/// Two doc lines.
pipeline \`churn model\`

/// The customers table.
data customers = csv("data/churn.csv.gz") {
  id : integer
  signup : date
  plan : category,
  monthly_fee : numeric
  churned : boolean
  notes : text
  na_values = ["", "NA", "?"]
  ignore = [id]
  delimiter = ","
}

problem classification {
  target = churned
  positive = true
  metric = f1(average: macro)
  class_weights = balanced
}

prepare {
  drop rows where churned is missing
  drop rows where monthly_fee < 0 or monthly_fee > 10000 during training
  drop rows where not plan in ["trial", "free"] and signup is not missing
  drop duplicate rows during training and prediction
  drop outliers in monthly_fee by zscore(3) during training
  drop columns notes
  impute monthly_fee with median
  impute plan with constant("unknown") during training and prediction
  clip monthly_fee to iqr(1.5)
}

features {
  /// Fee on a log scale.
  fee = monthly_fee |> log1p |> standardize
  fee2 = (monthly_fee - 10) ^ 2 / 100 + -1
  tenure = date_parts(signup, parts: [year, month, weekday])
  plan_oh = onehot(plan)
  plan_ord = ordinal(plan, order: ["free", "basic", "pro"])
  bins = bin(monthly_fee, bins: 5)
  poly = polynomial(fee, fee2, degree: 2)
  both = interactions(fee, tenure)
  words = bow(notes, ngrams: 1..3, stopwords: english, min_df: 2)
  power = power(monthly_fee, 0.5) * 2
  robust = robust(monthly_fee)
  minmax = minmax(monthly_fee)
  share = 15%
  select top(k: 20, score: mutual_info)
}

split { test = 20%, stratify = churned, seed = 42, shuffle = true }
validate stratified_kfold(k: 5, repeats: 2)

models {
  nb = gaussian_nb()
  svm = svm(kernel: [linear, rbf], C: logspace(-2, 2, 5), gamma: loguniform(0.001, 1.0)) using fee, tenure
  tree = decision_tree(max_depth: 2..12, min_samples_leaf: choice(1, 5, 10))
  forest = random_forest(trees: [100, 300], max_depth: null)
  gb = gradient_boosting(learning_rate: uniform(0.01, 0.3), trees: 100..400)
  net = mlp_net(hidden: [[32], [64, 32]], epochs: 200, learning_rate: 0.001)
  lasso = lasso(alpha: linspace(0.1, 1, 10))
}

search halving { trials = 60, time = 10m, budget = 30s, seed = 1 }
report accuracy, balanced_accuracy, roc_auc, log_loss, confusion, leaderboard
export "models/churn.model.json" { report_file = "reports/churn.html", leaderboard = "reports/board.csv" }

explore { summary = true, plots = [histogram(monthly_fee), bar(plan)] }
serve { port = 8080, host = "0.0.0.0", timeout = 250ms }
monitor {
  reference = "data/reference.csv"
  drift = ks_test(threshold: 0.05)
  psi_max = 0.2
  retrain = when(drift, every: 24h)
}
`,
};

describe('formatText: canonical layout', () => {
  it('reformats the language sketch example', () => {
    expect(checkedFormat(spamFilter)).toBe(spamFilterCanonical);
    expect(formatText(spamFilterCanonical)).toEqual({ text: spamFilterCanonical, changed: false });
  });

  const cases: [string, string, string][] = [
    ['spacing in a declaration', 'pipeline    demo', 'pipeline demo\n'],
    ['one blank line between declarations', 'pipeline a\n\n\n\nvalidate kfold(5)\nsearch grid', 'pipeline a\n\nvalidate kfold(5)\n\nsearch grid\n'],
    ['blocks with settings are multi-line, no commas', 'split{test=20%,seed=42,}', 'split {\n  test = 20%\n  seed = 42\n}\n'],
    ['empty blocks stay on one line', 'prepare {\n}\nsearch grid {   }\nexplore{}', 'prepare {}\n\nsearch grid {}\n\nexplore {}\n'],
    ['optional blocks stay absent', 'search   grid\nproblem regression', 'search grid\n\nproblem regression\n'],
    ['data columns as name: type, options as name = value', 'data d = csv("a.csv") { x:numeric, `a b` : text sep=";" }', 'data d = csv("a.csv") {\n  x: numeric\n  `a b`: text\n  sep = ";"\n}\n'],
    ['call arguments and lists', 'features { a = f( x ,k : 1 , l:[ 1,2 , ] ,) }', 'features {\n  a = f(x, k: 1, l: [1, 2])\n}\n'],
    ['multi-line entries are joined', 'models {\n  forest = random_forest(\n    trees: [50, 100],\n    max_depth: 4..10,\n  )\n}', 'models {\n  forest = random_forest(trees: [50, 100], max_depth: 4..10)\n}\n'],
    ['using lists', 'models { a = ridge() using x,y ,z }', 'models {\n  a = ridge() using x, y, z\n}\n'],
    ['report on one line', 'report accuracy ,f1,\n  confusion', 'report accuracy, f1, confusion\n'],
    ['prep steps and phases', 'prepare { drop rows where x  is   not missing during   training and prediction\n impute a,b with mean clip a to iqr( 1.5 ) drop columns c ,d drop outliers in e by zscore(3) }',
      'prepare {\n  drop rows where x is not missing during training and prediction\n  impute a, b with mean\n  clip a to iqr(1.5)\n  drop columns c, d\n  drop outliers in e by zscore(3)\n}\n'],
    ['select keeps its place among features', 'features { a = x select top(5) b = y }', 'features {\n  a = x\n  select top(5)\n  b = y\n}\n'],
    ['pipes, ranges, unary minus', 'features { a = x|>log1p|>standardize b = f(k: 1 .. 10, m: - 2, n: -x) }', 'features {\n  a = x |> log1p |> standardize\n  b = f(k: 1..10, m: -2, n: -x)\n}\n'],
    ['strings and numbers from their raw text', 'export "a\\"b\\u0041.json" { x = 1.50, y = 1e3, z = 0.5%, t = 1.5h }', 'export "a\\"b\\u0041.json" {\n  x = 1.50\n  y = 1e3\n  z = 0.5%\n  t = 1.5h\n}\n'],
    ['blank lines inside blocks: at most one, never first or last', 'features {\n\n  a = 1\n\n\n\n  b = 2\n  c = 3\n\n}', 'features {\n  a = 1\n\n  b = 2\n  c = 3\n}\n'],
    ['CRLF line endings become LF', 'pipeline a\r\n\r\nfeatures {\r\n  a = 1 // x\r\n}\r\n', 'pipeline a\n\nfeatures {\n  a = 1 // x\n}\n'],
    ['exactly one final newline', 'pipeline a\n\n\n\n', 'pipeline a\n'],
    ['empty file', '\n\n  \n', ''],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(checkedFormat(input)).toBe(expected);
  });

  const precedence: [string, string][] = [
    ['(a + b) * c', '(a + b) * c'],
    ['a + (b * c)', 'a + b * c'],
    ['(a + b) + c', 'a + b + c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['a / (b * c)', 'a / (b * c)'],
    ['(a or b) and c', '(a or b) and c'],
    ['a or (b and c)', 'a or b and c'],
    ['not (a and b)', 'not (a and b)'],
    ['(not a) and b', 'not a and b'],
    ['(a < b) and (c >= d)', 'a < b and c >= d'],
    ['(a + 1) is missing', 'a + 1 is missing'],
    ['x in [1,2]', 'x in [1, 2]'],
    ['(x |> f) |> g', '(x |> f) |> g'],
    ['(a + b) |> f', 'a + b |> f'],
    ['x |> (f |> g)', 'x |> (f |> g)'],
    ['1..(n + 1)', '1..n + 1'],
    ['(1..2) |> f', '1..2 |> f'],
    ['-(a + b)', '-(a + b)'],
    ['- - a', '--a'],
    ['-(2 ^ 2)', '-2 ^ 2'],
    ['(-2) ^ 2', '(-2) ^ 2'],
    ['(-a) ^ 2', '(-a) ^ 2'],
    ['2 ^ (3 ^ 4)', '2 ^ 3 ^ 4'],
    ['(2 ^ 3) ^ 4', '(2 ^ 3) ^ 4'],
    ['2 ^ -1', '2 ^ -1'],
    ['a - -1', 'a - -1'],
    ['a * (-b)', 'a * -b'],
    ['((x))', 'x'],
    ['f((a + b), [(c)])', 'f(a + b, [c])'],
    ['(a == b) == c', '(a == b) == c'],
  ];
  it.each(precedence)('parentheses: %s', (input, expected) => {
    expect(checkedFormat(`features { v = ${input} }`)).toBe(`features {\n  v = ${expected}\n}\n`);
  });
});

describe('formatText: comments', () => {
  it('keeps comments of every kind in place', () => {
    const input = `/* header
   block comment */

/// The pipeline.
pipeline   demo // trailing on pipeline
data d=csv( "a.csv" ) // after the source
{ x:numeric , y : text,   // two entries
  sep=";"


  // own line, after two blanks
  \`weird name\` : category }
prepare { // on the brace line
  drop duplicate rows
  // end of prepare
}
features {
  /// doc for a
  a = 1   /* trailing block */
  b = f(x,   // inside a call
     /* before an argument */ k: 1)
}
// footer`;
    const expected = `/* header
   block comment */

/// The pipeline.
pipeline demo // trailing on pipeline

data d = csv("a.csv") { // after the source
  x: numeric
  y: text // two entries
  sep = ";"

  // own line, after two blanks
  \`weird name\`: category
}

prepare { // on the brace line
  drop duplicate rows
  // end of prepare
}

features {
  /// doc for a
  a = 1 /* trailing block */
  /* before an argument */
  b = f(x, k: 1) // inside a call
}
// footer
`;
    expect(checkedFormat(input)).toBe(expected);
  });

  it('puts comments between declarations before the next declaration', () => {
    expect(checkedFormat('pipeline a\n// about the data\ndata d = csv("x")\n\n\n// license\n\n// more\nsearch grid')).toBe(
      'pipeline a\n\n// about the data\ndata d = csv("x")\n\n// license\n\n// more\nsearch grid\n',
    );
  });

  it('keeps doc comments attached to their declarations', () => {
    const out = checkedFormat('/// doc one\n///   doc two\npipeline p\nfeatures{\n/// feature doc\nf = x}');
    expect(out).toBe('/// doc one\n///   doc two\npipeline p\n\nfeatures {\n  /// feature doc\n  f = x\n}\n');
    const file = parse(out, new Reporter());
    expect(file.decls[0]).toMatchObject({ kind: 'Pipeline', doc: 'doc one\ndoc two' });
    expect(file.decls[1]).toMatchObject({ kind: 'Features', features: [{ doc: 'feature doc' }] });
  });

  it('never lets a line comment swallow a later comment', () => {
    const input = 'features {\n  a = f(x, // one\n    y) // two\n  b = g(/* three */ 1, // four\n  2) /* five */\n}\n';
    const out = checkedFormat(input);
    expect(out).toBe('features {\n  // one\n  // two\n  a = f(x, y)\n  /* three */\n  // four\n  /* five */\n  b = g(1, 2)\n}\n');
  });

  it('keeps comments in empty blocks and at the end of blocks', () => {
    expect(checkedFormat('prepare {\n  // nothing yet\n}\nexplore { /* later */ }\nserve { port = 1 // p\n\n  // last\n} // after')).toBe(
      'prepare {\n  // nothing yet\n}\n\nexplore { /* later */\n}\n\nserve {\n  port = 1 // p\n\n  // last\n} // after\n',
    );
  });

  it('keeps a chain of trailing comments on its line, even across a multi-line block comment', () => {
    expect(checkedFormat('pipeline a\n/* multi\n   line */ data d = csv("x") /* t1\n t2 */ // z\n\nsearch grid')).toBe(
      'pipeline a\n\n/* multi\n   line */\ndata d = csv("x") /* t1\n t2 */ // z\n\nsearch grid\n',
    );
    expect(checkedFormat('/* a */ /* b */ pipeline x /* c */ /* d */')).toBe('/* a */\n/* b */\npipeline x /* c */ /* d */\n');
  });

  it('keeps comment-only files', () => {
    expect(checkedFormat('// just a note  \n\n\n/* and a block */')).toBe('// just a note\n\n/* and a block */\n');
  });
});

describe('formatText: idempotence', () => {
  it.each(Object.entries(realistic))('realistic pipeline %s', (_, text) => {
    const out = checkedFormat(text);
    expect(codeTokens(out)).toEqual(codeTokens(text));
  });

  it('every example under examples/*/*.mlp', () => {
    const dir = path.join(ROOT, 'examples');
    const files = fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => fs.readdirSync(path.join(dir, d.name)).filter((f) => f.endsWith('.mlp')).map((f) => path.join(dir, d.name, f)))
      : [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const r = formatText(text);
      if ('error' in r) continue; // examples with deliberate syntax errors are not formatted
      expect(fmt(r.text), file).toBe(r.text);
      expect(comments(r.text), file).toEqual(comments(text));
    }
  });
});

describe('formatText: syntax errors', () => {
  it.each([
    ['features { a = }', '1:16'],
    ['pipeline a\ndata d = csv("x\n', '2:14'],
    ['pipeline a\nfeatures { a = 1 @ }', '2:18'],
    ['pipeline a\nmodle x', '2:1'],
  ])('refuses %j', (input, where) => {
    const r = formatText(input);
    expect(r).toHaveProperty('error');
    expect('error' in r && r.error.startsWith(where + ':')).toBe(true);
  });
});

// ---------------------------------------------------------------- properties

const leafNames = ['x', 'y', 'fee', '`a b`'];

/** Random expression trees in the shapes the parser produces. */
const exprArb: fc.Arbitrary<A.Expr> = fc.letrec<{ expr: A.Expr }>((tie) => {
  const S = { start: 0, end: 0 };
  const name = (text: string): A.Name => ({ kind: 'Name', text: text.replace(/`/g, ''), quoted: text.startsWith('`'), span: S });
  const leaf: fc.Arbitrary<A.Expr> = fc.oneof(
    fc.integer({ min: 0, max: 99 }).map((n): A.Expr => ({ kind: 'Number', value: n, raw: String(n), span: S })),
    fc.integer({ min: 1, max: 9 }).map((n): A.Expr => ({ kind: 'Number', value: -n, raw: `-${n}`, span: S })),
    fc.constantFrom(...leafNames).map((n): A.Expr => ({ kind: 'Ref', name: name(n), span: S })),
    fc.constant<A.Expr>({ kind: 'String', value: 'a', raw: '"a"', terminated: true, span: S }),
    fc.constant<A.Expr>({ kind: 'Bool', value: true, span: S }),
  );
  const expr = tie('expr');
  const ops: A.BinaryOp[] = ['+', '-', '*', '/', '^', '<', '<=', '==', 'and', 'or'];
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom(...ops), expr, expr).map(([op, left, right]): A.Expr => ({ kind: 'Binary', op, left, right, span: S })),
      expr.filter((e) => e.kind !== 'Number').map((operand): A.Expr => ({ kind: 'Unary', op: '-', operand, span: S })),
      expr.map((operand): A.Expr => ({ kind: 'Unary', op: 'not', operand, span: S })),
      fc.tuple(expr, fc.boolean()).map(([operand, negated]): A.Expr => ({ kind: 'IsMissing', operand, negated, span: S })),
      fc.tuple(expr, expr).map(([operand, set]): A.Expr => ({ kind: 'In', operand, set, span: S })),
      fc.tuple(expr, fc.array(expr, { minLength: 1, maxLength: 3 })).map(([input, steps]): A.Expr => ({ kind: 'Pipe', input, steps, span: S })),
      fc.tuple(expr, expr).map(([from, to]): A.Expr => ({ kind: 'Range', from, to, span: S })),
      fc.array(expr, { maxLength: 3 }).map((items): A.Expr => ({ kind: 'List', items, span: S })),
      fc.array(fc.tuple(fc.option(fc.constantFrom('k', 'alpha')), expr), { maxLength: 3 }).map((args): A.Expr => ({
        kind: 'Call', callee: name('f'), args: args.map(([n, value]) => ({ name: n === null ? undefined : name(n), value, span: S })), span: S,
      })),
    ),
  };
}).expr;

const withoutSpans = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'span' ? undefined : v)));

/** Rejoins a text's tokens with random whitespace, comments and extra commas. */
function messUp(text: string, choices: number[]): { text: string; comments: number } {
  const lexed = lexer.tokenize(text);
  const all = [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  let out = '';
  let n = 0;
  let k = 0;
  let depth = 0; // inside ( ) or [ ], where extra commas are allowed
  const pick = () => choices[k++ % choices.length];
  for (const t of all) {
    const c = pick();
    out += [' ', '\n', '  ', '\n\n', '\t', ' ', ' ', '\n   '][c % 8];
    if (c % 11 === 3) out += `// c${n++}\n`;
    else if (c % 13 === 5) out += `/* c${n++} */ `;
    else if (c % 17 === 7) out += `/* m${n++}\n  */`;
    out += t.image;
    if (t.image.startsWith('//')) out += '\n';
    if (t.image === '(' || t.image === '[') depth++;
    if (t.image === ')' || t.image === ']') depth--;
    if (t.image === ',' && depth > 0 && c % 7 === 2) out += ' ,';
  }
  return { text: out, comments: n };
}

describe('formatText: properties', () => {
  it('printed expressions parse back to the same tree', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const text = `features { v = ${printExpr(e)} }`;
        const reporter = new Reporter();
        const file = parse(text, reporter);
        expect(reporter.diagnostics).toEqual([]);
        const decl = file.decls[0] as Extract<A.Decl, { kind: 'Features' }>;
        expect(withoutSpans(decl.features[0].value)).toEqual(withoutSpans(e));
        expect(fmt(text)).toBe(`features {\n  v = ${printExpr(e)}\n}\n`);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  const snippets = Object.values(realistic).flatMap((text) => text.split(/\n(?=[a-z/])/).filter((s) => s.trim() !== ''));
  it('random combinations of realistic declarations: idempotent, same tokens, same comments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...snippets), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (parts, choices) => {
        const messy = messUp(parts.join('\n'), choices).text;
        const out = fmt(messy);
        expect(fmt(out)).toBe(out);
        expect(codeTokens(out)).toEqual(codeTokens(messy));
        expect(comments(out)).toEqual(comments(messy));
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

// ---------------------------------------------------------------- CLI

function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runFmt(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(TMP, 'case-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('mlp fmt', () => {
  it('rewrites files in place and leaves no temp files', () => {
    const a = tmpFile('a.mlp', 'split{test=20%}');
    const b = tmpFile('b.mlp', 'search grid\n');
    const r = cli([a, b]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(fs.readFileSync(a, 'utf8')).toBe('split {\n  test = 20%\n}\n');
    expect(fs.readFileSync(b, 'utf8')).toBe('search grid\n');
    expect(fs.readdirSync(path.dirname(a))).toEqual(['a.mlp']);
  });

  it('--check lists files that would change and writes nothing', () => {
    const messy = tmpFile('messy.mlp', 'split{test=20%}');
    const clean = tmpFile('clean.mlp', 'search grid\n');
    expect(cli(['--check', clean])).toEqual({ code: 0, out: '', err: '' });
    const r = cli(['--check', clean, messy]);
    expect(r).toEqual({ code: 1, out: `${messy}\n`, err: '' });
    expect(fs.readFileSync(messy, 'utf8')).toBe('split{test=20%}');
  });

  it('--stdout prints the formatted text and writes nothing', () => {
    const f = tmpFile('s.mlp', 'report  a,b');
    expect(cli(['--stdout', f])).toEqual({ code: 0, out: 'report a, b\n', err: '' });
    expect(fs.readFileSync(f, 'utf8')).toBe('report  a,b');
  });

  it('exits 2 on syntax errors, naming file:line:col, without writing', () => {
    const bad = tmpFile('bad.mlp', 'pipeline a\nfeatures { a = }\n');
    const good = tmpFile('good.mlp', 'search   grid');
    const r = cli([bad, good]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:2:16: `);
    expect(fs.readFileSync(bad, 'utf8')).toBe('pipeline a\nfeatures { a = }\n');
    expect(fs.readFileSync(good, 'utf8')).toBe('search grid\n');
    expect(cli(['--check', bad]).code).toBe(2);
    expect(cli(['--stdout', bad])).toMatchObject({ code: 2, out: '' });
  });

  it('exits 2 on usage errors and unreadable files', () => {
    expect(cli([]).code).toBe(2);
    expect(cli(['--bogus', 'x.mlp']).code).toBe(2);
    expect(cli(['--check', '--stdout', 'x.mlp']).code).toBe(2);
    const r = cli([path.join(TMP, 'nope.mlp')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.mlp');
  });

  it('keeps the file mode', () => {
    const f = tmpFile('m.mlp', 'search   grid');
    fs.chmodSync(f, 0o640);
    expect(cli([f]).code).toBe(0);
    expect(fs.statSync(f).mode & 0o777).toBe(0o640);
  });
});
