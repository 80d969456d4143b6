import { sklearnCase } from '../test/parity/harness.ts';
import { kernel as svm } from '../src/runtime/models/svm.ts';
await svm.init!();
const c = sklearnCase('breast_cancer', 'standardize', 'linear_model.LinearRegression()');
for (let r = 0; r < 40; r++) {
  let t = performance.now();
  const s = svm.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: 2, seed: r }, { kernel: 'rbf' });
  const f = performance.now() - t; t = performance.now();
  svm.predict(s, c.XTest);
  if (r % 10 === 9) console.log('fit', f.toFixed(2), 'pred', (performance.now() - t).toFixed(2));
}
