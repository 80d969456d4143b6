"""Reference side of the model-kernel parity suite.

Reads a JSON request on stdin:
  {"datasets": "<dir>", "dataset": "iris", "prep": "standardize" | "raw" | "counts" | "tfidf",
   "estimator": "<python expression building a scikit-learn estimator>", "test_size": 0.25, "seed": 42}
Prepares the dataset (same rows, split and preprocessing for both sides), fits the
scikit-learn estimator and prints JSON with the matrices (so mlp fits on exactly
the same numbers) and scikit-learn's predictions, probabilities, coefficients and
support-vector counts where the estimator has them. Test code only.
"""
import json, sys, time
import numpy as np
import pandas as pd
from scipy import sparse
import sklearn  # noqa: F401  (the estimator expression may use any sklearn module)
from sklearn import linear_model, naive_bayes, neighbors, svm, tree, ensemble, neural_network  # noqa: F401
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

TARGETS = {"iris": ("species", "classification"), "breast_cancer": ("diagnosis", "classification"),
           "digits": ("digit", "classification"), "penguins": ("species", "classification"),
           "diabetes": ("progression", "regression"), "credit": ("Status", "classification"),
           "spam": ("label", "classification")}


def matrix_json(m):
    if sparse.issparse(m):
        m = m.tocsr()
        m.sort_indices()
        return {"kind": "csr", "rows": m.shape[0], "cols": m.shape[1], "indptr": m.indptr.tolist(),
                "indices": m.indices.tolist(), "data": m.data.tolist()}
    m = np.asarray(m, dtype=float)
    return {"kind": "dense", "rows": m.shape[0], "cols": m.shape[1], "data": m.ravel().tolist()}


def main():
    req = json.load(sys.stdin)
    target, task = TARGETS[req["dataset"]]
    df = pd.read_csv(f'{req["datasets"]}/{req["dataset"]}.csv', keep_default_na=False, na_values=[""])
    df = df.dropna().reset_index(drop=True)
    y_raw = df.pop(target)
    if task == "classification":
        classes = sorted(y_raw.astype(str).unique())
        y = y_raw.astype(str).map({c: i for i, c in enumerate(classes)}).to_numpy(dtype=float)
    else:
        classes = []
        y = y_raw.to_numpy(dtype=float)
    idx = np.arange(len(df))
    tr, te = train_test_split(idx, test_size=req.get("test_size", 0.25), random_state=req.get("seed", 42),
                              stratify=y if task == "classification" else None)
    prep = req["prep"]
    if prep in ("counts", "tfidf"):
        vec = (CountVectorizer if prep == "counts" else TfidfVectorizer)(min_df=2, max_features=20000)
        Xtr = vec.fit_transform(df["text"].iloc[tr])
        Xte = vec.transform(df["text"].iloc[te])
    else:
        X = pd.get_dummies(df, dtype=float).to_numpy(dtype=float)
        Xtr, Xte = X[tr], X[te]
        if prep == "standardize":
            sc = StandardScaler().fit(Xtr)
            Xtr, Xte = sc.transform(Xtr), sc.transform(Xte)
    est = eval(req["estimator"])
    t0 = time.perf_counter()
    est.fit(Xtr, y[tr])
    fit_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    pred = est.predict(Xte)
    predict_ms = (time.perf_counter() - t0) * 1000
    out = {"task": task, "classes": classes, "X_train": matrix_json(Xtr), "y_train": y[tr].tolist(),
           "X_test": matrix_json(Xte), "y_test": y[te].tolist(), "train_index": tr.tolist(), "test_index": te.tolist(),
           "sklearn": {"pred": np.asarray(pred, dtype=float).tolist(), "fit_ms": fit_ms, "predict_ms": predict_ms}}
    sk = out["sklearn"]
    if hasattr(est, "predict_proba") and task == "classification":
        try:
            sk["proba"] = est.predict_proba(Xte).ravel().tolist()
        except Exception:  # e.g. SVC without probability=True
            pass
    if hasattr(est, "coef_"):
        sk["coef"] = np.asarray(est.coef_, dtype=float).ravel().tolist()
        sk["intercept"] = np.atleast_1d(np.asarray(est.intercept_, dtype=float)).tolist()
    if hasattr(est, "n_support_"):
        sk["n_support"] = int(np.sum(est.n_support_))
    json.dump(out, sys.stdout)


main()
