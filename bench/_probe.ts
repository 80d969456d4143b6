import { sklearnCase, agreement, r2 } from '../test/parity/harness.ts';
import { kernel as svm } from '../src/runtime/models/svm.ts';
import { kernel as mlp } from '../src/runtime/models/mlp_net.ts';
await svm.init!();
for (const ds of ['iris', 'breast_cancer', 'digits', 'penguins']) for (const k of ['linear', 'rbf']) {
  const c = sklearnCase(ds, 'standardize', `svm.SVC(kernel='${k}', C=1.0, gamma='scale')`);
  let t = performance.now();
  const st = svm.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: 1 }, { kernel: k, C: 1, gamma: 'scale' });
  const fitMs = performance.now() - t; t = performance.now();
  const pred = svm.predict(st, c.XTest);
  const pMs = performance.now() - t;
  console.log(ds, k, 'acc', agreement(pred, c.yTest).toFixed(4), 'sk', agreement(c.sklearn.pred, c.yTest).toFixed(4), 'same', agreement(pred, c.sklearn.pred), 'nSV', st.supportVectors, c.sklearn.nSupport, 'fit', fitMs.toFixed(1), c.sklearn.fitMs.toFixed(1), 'pred', pMs.toFixed(1), c.sklearn.predictMs.toFixed(1));
}
{
  const c = sklearnCase('diabetes', 'standardize', `svm.SVR(kernel='rbf', C=1.0, gamma='scale')`);
  const st = svm.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: 0, seed: 1 }, { kernel: 'rbf', C: 1, gamma: 'scale' });
  const pred = svm.predict(st, c.XTest);
  console.log('diabetes svr r2', r2(c.yTest, pred), r2(c.yTest, c.sklearn.pred), 'nSV', st.supportVectors, c.sklearn.nSupport);
}
for (const ds of ['iris', 'breast_cancer', 'digits', 'diabetes']) {
  const reg = ds === 'diabetes';
  const c = sklearnCase(ds, 'standardize', `neural_network.${reg ? 'MLPRegressor' : 'MLPClassifier'}(hidden_layer_sizes=(100,), max_iter=200, random_state=0)`);
  let t = performance.now();
  const st = mlp.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: 1 }, {});
  const fitMs = performance.now() - t; t = performance.now();
  const pred = mlp.predict(st, c.XTest);
  const pMs = performance.now() - t;
  const s = reg ? r2(c.yTest, pred) : agreement(pred, c.yTest), sk = reg ? r2(c.yTest, c.sklearn.pred) : agreement(c.sklearn.pred, c.yTest);
  console.log('mlp', ds, s.toFixed(4), sk.toFixed(4), 'epochs', st.epochs, 'fit', fitMs.toFixed(1), c.sklearn.fitMs.toFixed(1), 'pred', pMs.toFixed(2), c.sklearn.predictMs.toFixed(2));
}
