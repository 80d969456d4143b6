import { describe, expect, it } from 'vitest';
import {
  accuracy, balancedAccuracy, confusionMatrix, logLoss, mae, MetricError, metrics, mse, precisionRecallF1, r2, rmse, rocAuc,
} from '../../src/runtime/eval/metrics.ts';

const f = (xs: number[]) => Float64Array.from(xs);

describe('classification metrics', () => {
  // y_true = [0,0,1,1,1,2], y_pred = [0,1,1,1,0,2]
  const t = f([0, 0, 1, 1, 1, 2]);
  const p = f([0, 1, 1, 1, 0, 2]);
  // confusion: class0 → [1,1,0]; class1 → [1,2,0]; class2 → [0,0,1]

  it('confusion matrix', () => {
    expect(confusionMatrix(t, p)).toEqual([[1, 1, 0], [1, 2, 0], [0, 0, 1]]);
  });

  it('accuracy', () => {
    // correct: rows 0,2,3,5 → 4/6
    expect(accuracy(t, p)).toBeCloseTo(4 / 6, 15);
  });

  it('balanced accuracy', () => {
    // recalls: 1/2, 2/3, 1/1 → mean = (0.5 + 0.6667 + 1)/3 = 13/18
    expect(balancedAccuracy(t, p)).toBeCloseTo(13 / 18, 15);
  });

  it('macro and weighted precision/recall/f1', () => {
    // precision per class: c0 1/(1+1)=1/2, c1 2/(1+2)=2/3, c2 1/1
    // recall per class:    c0 1/2,          c1 2/3,          c2 1
    // f1 per class = p (since p = r): 1/2, 2/3, 1
    const m = precisionRecallF1(t, p, 'macro');
    expect(m.precision).toBeCloseTo((1 / 2 + 2 / 3 + 1) / 3, 15);
    expect(m.recall).toBeCloseTo((1 / 2 + 2 / 3 + 1) / 3, 15);
    expect(m.f1).toBeCloseTo((1 / 2 + 2 / 3 + 1) / 3, 15);
    // weighted by support 2,3,1: (2·1/2 + 3·2/3 + 1·1)/6 = 4/6
    const w = precisionRecallF1(t, p, 'weighted');
    expect(w.precision).toBeCloseTo(4 / 6, 15);
    expect(w.f1).toBeCloseTo(4 / 6, 15);
  });

  it('binary precision/recall/f1 for the positive class', () => {
    // y_true = [1,1,1,0,0], y_pred = [1,0,1,1,0]: tp=2, fp=1, fn=1
    // precision 2/3, recall 2/3, f1 = 2·(4/9)/(4/3) = 2/3
    const b = precisionRecallF1(f([1, 1, 1, 0, 0]), f([1, 0, 1, 1, 0]), 'binary', 1);
    expect(b.precision).toBeCloseTo(2 / 3, 15);
    expect(b.recall).toBeCloseTo(2 / 3, 15);
    expect(b.f1).toBeCloseTo(2 / 3, 15);
    // positive class 0: tp=1 (row 4), fp=1 (row 1), fn=1 (row 3) → 1/2 each
    expect(precisionRecallF1(f([1, 1, 1, 0, 0]), f([1, 0, 1, 1, 0]), 'binary', 0).f1).toBeCloseTo(0.5, 15);
  });

  it('zero division gives 0', () => {
    // never predicts class 1: precision 0/0 → 0, recall 0/2 = 0, f1 0
    const b = precisionRecallF1(f([1, 1, 0]), f([0, 0, 0]), 'binary', 1);
    expect(b).toEqual({ precision: 0, recall: 0, f1: 0 });
    // macro over present classes {0,1}: class 0 precision 1/3, recall 1 → f1 = 2·(1/3)/(4/3) = 1/2; class 1 zeros
    const m = precisionRecallF1(f([1, 1, 0]), f([0, 0, 0]), 'macro');
    expect(m.precision).toBeCloseTo(1 / 6, 15);
    expect(m.f1).toBeCloseTo(1 / 4, 15);
  });

  it('macro ignores classes absent from both y_true and y_pred', () => {
    // labels 0 and 2 present, 1 absent: perfect → 1
    expect(precisionRecallF1(f([0, 2]), f([0, 2]), 'macro').f1).toBe(1);
  });

  it('rejects length mismatches', () => {
    expect(() => accuracy(f([0, 1]), f([0]))).toThrow(MetricError);
  });
});

describe('roc auc', () => {
  it('binary, no ties', () => {
    // y=[0,0,1,1], s=[0.1,0.4,0.35,0.8]: pairs (pos,neg): (0.35,0.1)✓ (0.35,0.4)✗ (0.8,0.1)✓ (0.8,0.4)✓ → 3/4
    const proba = f([0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8]);
    expect(rocAuc(f([0, 0, 1, 1]), proba, 2)).toBeCloseTo(0.75, 15);
  });

  it('binary with ties counts half', () => {
    // y=[0,1,0,1], s=[0.5,0.5,0.2,0.9]: pairs: (0.5 vs 0.5) ½, (0.5 vs 0.2) 1, (0.9 vs 0.5) 1, (0.9 vs 0.2) 1 → 3.5/4
    const proba = f([0.5, 0.5, 0.5, 0.5, 0.8, 0.2, 0.1, 0.9]);
    expect(rocAuc(f([0, 1, 0, 1]), proba, 2)).toBeCloseTo(0.875, 15);
  });

  it('multiclass one-vs-rest macro', () => {
    // 3 rows, 3 classes, each row's own class has the top probability → every OvR AUC is 1
    const proba = f([0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.3, 0.6]);
    expect(rocAuc(f([0, 1, 2]), proba, 3)).toBe(1);
    // class 0 scores [0.1,0.8,0.1] for y0=[1,0,0]: pos 0.1 vs negs 0.8 (0), 0.1 (½) → 0.25
    // class 1 scores [0.8,0.1,0.1] y1=[0,1,0]: pos 0.1 vs 0.8 (0), 0.1 (½) → 0.25
    // class 2 scores [0.1,0.1,0.8] y2=[0,0,1]: pos 0.8 beats both → 1; mean = 1.5/3 = 0.5
    const bad = f([0.1, 0.8, 0.1, 0.8, 0.1, 0.1, 0.1, 0.1, 0.8]);
    expect(rocAuc(f([0, 1, 2]), bad, 3)).toBeCloseTo(0.5, 15);
  });

  it('one class present is an error', () => {
    expect(() => rocAuc(f([1, 1]), f([0.5, 0.5, 0.4, 0.6]), 2)).toThrow(/only one class/);
  });
});

describe('log loss', () => {
  it('hand computed', () => {
    // rows: p(true) = 0.8, 0.6 → -(ln 0.8 + ln 0.6)/2
    expect(logLoss(f([0, 1]), f([0.8, 0.2, 0.4, 0.6]), 2)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
  });
  it('clips zero probabilities to eps = 2^-52', () => {
    // p(true)=0 → clipped to eps; the row sum becomes 1 + eps - eps... ≈ 1 → loss ≈ -ln(2^-52) = 52 ln 2
    expect(logLoss(f([1]), f([1, 0]), 2)).toBeCloseTo(52 * Math.LN2, 9);
  });
});

describe('regression metrics', () => {
  // y = [1,2,3,4], ŷ = [1.5,2,2,5]: errors -0.5,0,1,-1
  const y = f([1, 2, 3, 4]), yh = f([1.5, 2, 2, 5]);
  it('mse, rmse, mae', () => {
    // squares 0.25+0+1+1 = 2.25 → mse 0.5625, rmse 0.75; abs 0.5+0+1+1 = 2.5 → mae 0.625
    expect(mse(y, yh)).toBeCloseTo(0.5625, 15);
    expect(rmse(y, yh)).toBeCloseTo(0.75, 15);
    expect(mae(y, yh)).toBeCloseTo(0.625, 15);
  });
  it('r2', () => {
    // mean 2.5, SS_tot = 2.25+0.25+0.25+2.25 = 5 → r2 = 1 - 2.25/5 = 0.55
    expect(r2(y, yh)).toBeCloseTo(0.55, 15);
    expect(r2(f([3, 3]), f([3, 3]))).toBe(1);
    expect(r2(f([3, 3]), f([3, 4]))).toBe(0);
  });
});

describe('registry', () => {
  it('has every catalog metric with the right direction', () => {
    const names = ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'precision_macro', 'recall_macro', 'f1_macro',
      'precision_weighted', 'recall_weighted', 'f1_weighted', 'roc_auc', 'log_loss', 'rmse', 'mse', 'mae', 'r2'];
    expect(Object.keys(metrics).sort()).toEqual(names.sort());
    expect(metrics.log_loss.greaterIsBetter).toBe(false);
    expect(metrics.rmse.greaterIsBetter).toBe(false);
    expect(metrics.r2.greaterIsBetter).toBe(true);
    expect(metrics.roc_auc.needs).toBe('scores');
    expect(metrics.f1.needs).toBe('labels');
  });
  it('calls through', () => {
    expect(metrics.accuracy.fn({ yTrue: f([0, 1]), yPred: f([0, 0]) })).toBe(0.5);
    expect(metrics.roc_auc.fn({ yTrue: f([0, 1]), proba: f([0.9, 0.1, 0.2, 0.8]), classes: 2 })).toBe(1);
    expect(() => metrics.roc_auc.fn({ yTrue: f([0, 1]), yPred: f([0, 1]) })).toThrow(MetricError);
  });
});
