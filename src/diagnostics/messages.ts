/**
 * The one diagnostics table: every message mlp can report, with its stable
 * code, severity and template. Call sites refer to entries by key; codes
 * never change meaning. `docs/diagnostics.md` is generated from this table.
 * Codes: MLP1xxx syntax, 2xxx names, 3xxx types and values, 4xxx data
 * sources, 5xxx pipeline semantics, 6xxx warnings about quality and cost.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface MessageDef {
  code: string;
  severity: Severity;
  /** `{name}` placeholders are filled from the arguments */
  template: string;
  /** what the rule protects against, for the docs */
  explain: string;
}

const e = (code: string, template: string, explain: string): MessageDef => ({ code, severity: 'error', template, explain });
const w = (code: string, template: string, explain: string): MessageDef => ({ code, severity: 'warning', template, explain });

export const messages = {
  // ---- syntax ----
  UnexpectedToken: e('MLP1001', 'Expected {expected} but found {found}.', 'The parser could not make sense of the text here. Parsing continues after the error, so several syntax errors are reported at once.'),
  UnexpectedCharacter: e('MLP1002', 'Unexpected character {char}.', 'A character that cannot start any token (for example `@` or `$`).'),
  UnterminatedString: e('MLP1003', 'Unterminated string: a string must end with `"` on the same line.', 'Strings cannot span lines; close the quote, or write `\\n` for a newline.'),
  UnknownKeyword: e('MLP1004', 'Unknown keyword `{word}`.', 'A word at the start of a declaration that is not one of `pipeline`, `data`, `problem`, `prepare`, `features`, `split`, `validate`, `models`, `search`, `report`, `export`, `explore`, `serve`, `monitor`.'),
  DuplicateBlock: e('MLP1005', 'Only one `{block}` block is allowed; the first is at line {line}.', 'Blocks that define the problem, split, validation, search, report and export can appear once.'),

  // ---- names ----
  UnknownColumn: e('MLP2001', 'Unknown column `{name}` in {source}.', 'Every column reference must match a column of the data source header (or a column declared in the data block). Names are case-sensitive; write names with spaces or symbols in backticks.'),
  UnknownFeature: e('MLP2002', 'Unknown feature `{name}`.', 'A `using` list or a feature reference must name a feature declared in the `features` block.'),
  UnknownModel: e('MLP2003', 'Unknown model `{name}`.', 'A model candidate must call a model of the catalog (see docs/language.md#models).'),
  UnknownTransform: e('MLP2004', 'Unknown transform `{name}`.', 'A feature expression may only call transforms of the catalog.'),
  UnknownParameter: e('MLP2005', '`{owner}` has no parameter `{name}`.', 'Parameters are checked against the catalog entry of the model, transform or function.'),
  UnknownMetric: e('MLP2006', 'Unknown metric `{name}`.', 'Metrics in `problem` and `report` must be metrics of the catalog.'),
  UnknownSetting: e('MLP2007', '`{block}` has no setting `{name}`.', 'Each block accepts a fixed set of settings.'),
  UnknownValue: e('MLP2008', '`{value}` is not a valid {what}; expected one of {expected}.', 'An enumerated value (a kernel, a strategy, a task) outside its set.'),
  UnknownFunction: e('MLP2009', 'Unknown {what} `{name}`.', 'A validation method, outlier method, imputation strategy, search-space function, column type or source that the language does not have.'),
  UnknownName: e('MLP2010', '`{name}` is neither a column nor a feature.', 'A bare name in a feature expression or predicate must be a column of the data or a feature declared earlier.'),
  DuplicateName: e('MLP2011', '`{name}` is already declared at line {line}.', 'Data sources, features, columns and model candidates must have unique names.'),
  UnknownTask: e('MLP2012', 'Unknown task `{name}`; expected `classification` or `regression`.', 'The problem block names the task.'),
  DuplicateArgument: e('MLP2013', 'Parameter `{name}` is given twice.', 'Each parameter may be given once per call.'),

  // ---- types and values ----
  TypeMismatch: e('MLP3001', '`{callee}` needs {expected} input, but `{name}` is {actual}.', 'Transforms accept only some kinds of columns: numeric transforms reject text and categories, tf-idf needs text, one-hot needs a category, boolean or integer column.'),
  OutOfDomain: e('MLP3002', '`{param}` must be {domain}; got {value}.', 'A parameter value outside the range the catalog allows (C ≤ 0, k = 0, a fraction outside (0, 1)).'),
  WrongValueType: e('MLP3003', '`{param}` expects {expected}; got {actual}.', 'A parameter given a value of the wrong kind (a string where a number is needed, a list where one value is needed).'),
  EmptyRange: e('MLP3004', 'The range {from}..{to} is empty: its start is greater than its end.', 'Ranges are inclusive and ascending; write `1..5`, not `5..1`.'),
  DeclaredTypeMismatch: e('MLP3005', 'Column `{name}` is declared {declared}, but {problem}.', 'A declared type is checked against the data sample; fix the declaration or the data.'),
  NonNumericArithmetic: e('MLP3006', 'Arithmetic needs numeric operands, but `{name}` is {actual}.', 'Only numeric, integer and boolean columns and features can be added, multiplied or compared numerically.'),
  MissingArgument: e('MLP3007', '`{owner}` needs `{name}`.', 'A required parameter is missing.'),
  TooManyArguments: e('MLP3008', '`{owner}` takes at most {count} positional argument(s).', 'Extra positional arguments; name them instead.'),
  NumberOutOfRange: e('MLP3009', 'The number {raw} is not a finite double.', 'Numbers like `1e309` overflow to infinity.'),
  NotSearchable: e('MLP3010', '`{param}` of `{owner}` takes one value here, not a search space.', 'Only model parameters can be searched; transform, block and function parameters take one value.'),
  InvalidExpression: e('MLP3011', '{what} is not allowed here; {expected}.', 'An expression of the wrong shape for its position (a list where a column is needed, a comparison in a feature).'),
  FeatureNeedsEncoding: e('MLP3012', 'Feature `{name}` is a {kind} column; models need numbers: {hint}.', 'Category, text and date columns must be turned into numbers by a transform (onehot, ordinal, tfidf, bow, length, date_parts).'),

  // ---- data sources ----
  SourceNotFound: e('MLP4001', 'Data file not found: {path}.', 'Source paths are resolved relative to the .mlp file.'),
  SourceUnreadable: e('MLP4002', 'Cannot read {path}: {reason}.', 'The file exists but could not be read or parsed as CSV.'),
  EmptyHeader: e('MLP4003', 'The CSV header of {path} is empty{where}.', 'The first row must name every column.'),
  DuplicateHeader: e('MLP4004', 'The CSV header of {path} names `{name}` twice.', 'Column names must be unique.'),
  NoDataSource: e('MLP4005', 'The pipeline has no `data` source.', 'Declare one with `data name = csv("file.csv")`.'),
  MultipleSources: e('MLP4006', 'Only one data source is supported; `{name}` is a second one.', 'Joins of several sources are not supported yet; combine the files first.'),

  // ---- pipeline semantics ----
  MissingProblem: e('MLP5001', 'The pipeline has no `problem` block.', 'Say what to predict: `problem classification { target = label }`.'),
  MissingTarget: e('MLP5002', 'The problem has no `target`.', 'Name the column to predict with `target = column`.'),
  MetricTaskMismatch: e('MLP5003', '`{metric}` is a {metricTask} metric, but the task is {task}.', 'Classification metrics (accuracy, F1, …) do not apply to regression and vice versa.'),
  UnknownPositiveClass: e('MLP5004', 'The positive class "{value}" is not a level of `{target}` in the data sample (levels: {levels}).', 'Binary metrics need a positive class that exists in the target.'),
  SingleClassTarget: e('MLP5005', 'The target `{target}` has only one level ({level}) in the data sample; there is nothing to classify.', 'Classification needs at least two classes.'),
  TargetLeak: e('MLP5006', 'Feature `{feature}` uses the target `{target}`: the model would see the answer.', 'Leakage: no input feature may be computed from the target column.'),
  UnreachableModel: e('MLP5007', 'No feature reaches model `{model}`.', 'A model candidate needs at least one feature: declare features, or check its `using` list.'),
  EmptySearchSpace: e('MLP5008', 'The search space of `{model}` is empty: `{param}` has no values.', 'An empty list (or a space function with zero values) leaves nothing to try.'),
  NoModels: e('MLP5009', 'The pipeline has no model candidates.', 'Add a `models { … }` block.'),
  ModelTaskMismatch: e('MLP5010', '`{model}` does not support {task}; it supports {tasks}.', 'Some models only classify (naive Bayes, logistic) and some only regress (linear, lasso).'),
  TargetNotNumeric: e('MLP5011', 'Regression needs a numeric target, but `{target}` is {actual}.', 'Use classification for a categorical target.'),
  BinaryMetricNeedsPositive: e('MLP5012', '`{metric}` is a binary metric: set `positive` in the problem block{hint}.', 'Precision, recall and F1 need to know which class is positive (or use the `_macro` / `_weighted` variants).'),
  BinaryMetricMulticlass: e('MLP5013', '`{metric}` is a binary metric, but `{target}` has {count} levels; use `{metric}_macro` or `{metric}_weighted`.', 'Binary metrics need exactly two classes.'),
  StratifyRegression: e('MLP5014', 'Stratification needs a categorical column; `{name}` is {actual}.', 'Stratified splits and folds keep class shares; they need classes.'),
  MetricNeedsProbabilities: e('MLP5015', '`{metric}` needs class probabilities, which `{model}` does not give{hint}.', 'ROC AUC and log loss are computed from probabilities.'),
  InvalidPhase: e('MLP5016', '`{value}` is not a phase; write `during training` or `during training and prediction`.', 'Preparation steps run while training, or while training and predicting.'),

  // ---- warnings ----
  UnusedFeature: w('MLP6001', 'Feature `{name}` is declared but no model uses it.', 'Every model lists the features it uses with `using`; this one is in none of the lists.'),
  LargeSearch: w('MLP6002', 'The search needs {fits} fits ({candidates} candidates × {folds} folds), more than max_fits = {max}.', 'Large grids take long; use `search random { trials = … }` or narrow the grid. Raise `max_fits` in the search block to silence this.'),
  HighMissingShare: w('MLP6003', 'Column `{name}` is {share} missing in the sample and no preparation step handles it.', 'Most models cannot take missing values; add `impute {name} with …` or drop the rows.'),
  ParameterNotApplicable: w('MLP6004', '`{param}` only applies when `{when}` is {values}; it is ignored for the other candidates.', 'Conditional parameters (gamma for the rbf kernel) are dropped where they do not apply.'),
  RandomSpaceInGrid: e('MLP3013', '`{fn}` is a random-search distribution; a grid search cannot enumerate it.', 'Use `search random`, or a list / range / linspace / logspace for a grid.'),
} satisfies Record<string, MessageDef>;

export type MessageKey = keyof typeof messages;

/** Fills a template's `{name}` placeholders. */
export function format(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}
