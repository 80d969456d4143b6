import { sklearnCase } from '../test/parity/harness.ts';
import { kernel as svm } from '../src/runtime/models/svm.ts';
await svm.init!();
for (const ds of ['breast_cancer', 'digits']) {
  const c = sklearnCase(ds, 'standardize', 'linear_model.LinearRegression()');
  const s = svm.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: 0 }, { kernel: 'rbf' });
  const cold: number[] = [], warm: number[] = [];
  for (let r = 0; r < 30; r++) {
    const fresh = JSON.parse(JSON.stringify(s));
    let t = performance.now(); svm.predict(fresh, c.XTest); cold.push(performance.now() - t);
    t = performance.now(); svm.predict(fresh, c.XTest); warm.push(performance.now() - t);
  }
  const med = (x: number[]) => x.sort((a, b) => a - b)[15].toFixed(2);
  console.log(ds, 'first predict (builds text)', med(cold), 'second (text cached)', med(warm));
}
