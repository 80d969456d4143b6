/** The benchmark cases: the same pipeline and grid as reference.py's, as .mlp text. */
import fs from 'node:fs';
import path from 'node:path';
import { readCsvSample } from '../../src/runtime/data/csv.ts';

export interface BenchCase {
  name: string;
  /** CSV path relative to the repository */
  data: string;
  mlp: (columns: string[]) => string;
}

const q = (c: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(c) ? c : `\`${c}\``);
const others = (columns: string[], target: string) => columns.filter((c) => c !== target).map(q).join(', ');

export const cases: BenchCase[] = [
  {
    name: 'breast_cancer_svm', data: 'examples/breast_cancer/breast_cancer.csv',
    mlp: (cols) => `pipeline breast_cancer_svm
data cancer = csv("DATA")
problem classification { target = diagnosis  metric = accuracy }
features { x = standardize(${others(cols, 'diagnosis')}) }
split { test = 25%, stratify = diagnosis, seed = 42 }
validate stratified_kfold(5)
models { svm = svm(kernel: rbf, C: [0.1, 1, 10, 100, 1000], gamma: [0.001, 0.01, 0.1, 1]) }
search grid
`,
  },
  {
    name: 'spam_text', data: 'examples/spam/spam.csv.gz',
    mlp: () => `pipeline spam_text
data emails = csv("DATA") { text: text  label: category(levels: ["ham", "spam"]) }
problem classification { target = label  metric = accuracy }
features { words = tfidf(text, ngrams: 1..2) }
split { test = 25%, stratify = label, seed = 42 }
validate stratified_kfold(5)
models {
  nb = multinomial_nb(alpha: [0.001, 0.01, 0.1, 0.5, 1])
  lr = logistic(C: [0.1, 1, 10, 100, 1000])
}
search grid
`,
  },
  {
    name: 'digits_knn_logistic', data: 'examples/digits/digits.csv',
    mlp: (cols) => `pipeline digits_knn_logistic
data digits = csv("DATA") { digit: category }
problem classification { target = digit  metric = accuracy }
features { pixels = standardize(${others(cols, 'digit')}) }
split { test = 25%, stratify = digit, seed = 42 }
validate stratified_kfold(5)
models {
  knn = knn(k: [1, 3, 5, 7, 9])
  lr = logistic(C: [0.01, 0.1, 1, 10])
}
search grid
`,
  },
  {
    name: 'penguins_forest', data: 'examples/penguins/penguins.csv',
    mlp: () => `pipeline penguins_forest
data penguins = csv("DATA")
problem classification { target = species  metric = accuracy }
prepare {
  impute bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g with median
  impute sex with mode
}
features {
  size = standardize(bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g)
  kind = onehot(island, sex)
}
split { test = 25%, stratify = species, seed = 42 }
validate stratified_kfold(5)
models {
  forest = random_forest(trees: 100, max_depth: [null, 5])
  lr = logistic(C: [0.1, 1, 10])
}
search grid
`,
  },
];

/** Writes a case's .mlp (with an absolute data path) into `dir` and returns its path. */
export function writeCase(c: BenchCase, root: string, dir: string): string {
  const data = path.join(root, c.data);
  const cols = readCsvSample(data, 0).header;
  const file = path.join(dir, `${c.name}.mlp`);
  fs.writeFileSync(file, c.mlp(cols).replace('DATA', data));
  return file;
}
