import { sklearnCase, agreement, r2 } from '../test/parity/harness.ts';
import { kernel as mlp } from '../src/runtime/models/mlp_net.ts';
for (const ds of ['iris', 'diabetes', 'breast_cancer']) {
  const regr = ds === 'diabetes';
  const c = sklearnCase(ds, 'standardize', regr ? 'linear_model.LinearRegression()' : 'linear_model.LogisticRegression()');
  const s: number[] = []; let ep = 0;
  for (let seed = 0; seed < 8; seed++) {
    const st = mlp.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed }, {});
    const p = mlp.predict(st, c.XTest); ep = st.epochs;
    s.push(+(regr ? r2(c.yTest, p) : agreement(p, c.yTest)).toFixed(4));
  }
  console.log(ds, s, s.reduce((a, b) => a + b) / s.length, ep);
}
