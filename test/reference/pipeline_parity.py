"""Reference side of the pipeline parity suite (test code only).

Reads a JSON list of cases on stdin. Each case names a CSV file, the target,
the task, the 0-based data rows of mlp's train/test split, the preparation
(median / mode imputation, standardized numeric columns, one-hot columns, a
tf-idf text column) and a scikit-learn estimator (a Python expression). The
same preparation is fitted with scikit-learn on the training rows only, the
estimator is fitted and the test rows are scored. Prints JSON per case: the
fitted statistics (imputer statistics_, StandardScaler mean_/scale_,
OneHotEncoder categories_, TfidfVectorizer vocabulary/idf_ and the test
rows' tf-idf matrix as CSR) and the test metrics.
"""
import json, math, sys, time, warnings
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error, mean_squared_error, r2_score
from sklearn.naive_bayes import GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MISSING = ["", "NA", "N/A", "NaN", "null", "?"]  # mlp's default missing-value markers


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def run_case(c):
    df = pd.read_csv(c["csv"], keep_default_na=False, na_values=MISSING, dtype={k: str for k in c.get("strings", [])})
    train, test = df.iloc[c["train"]], df.iloc[c["test"]]
    out = {"name": c["name"], "rows": len(df)}
    blocks_train, blocks_test = [], []
    numeric = list(c.get("standardize", []))
    tr_num = train[numeric].astype(float) if numeric else None
    te_num = test[numeric].astype(float) if numeric else None
    med = c.get("impute_median", [])
    if med:
        imp = SimpleImputer(strategy="median").fit(train[med].astype(float))
        out["median"] = dict(zip(med, floats(imp.statistics_)))
        tr_num[med] = imp.transform(train[med].astype(float))
        te_num[med] = imp.transform(test[med].astype(float))
    cats_train = train[c.get("onehot", [])].copy()
    cats_test = test[c.get("onehot", [])].copy()
    mode = c.get("impute_mode", [])
    if mode:
        out["mode"] = {}
        for col in mode:
            imp = SimpleImputer(strategy="most_frequent", missing_values=np.nan).fit(train[[col]].astype(object))
            out["mode"][col] = str(imp.statistics_[0])
            cats_train[col] = imp.transform(train[[col]].astype(object)).ravel()
            cats_test[col] = imp.transform(test[[col]].astype(object)).ravel()
    if numeric:
        sc = StandardScaler().fit(tr_num.values)
        out["standardize"] = {"columns": numeric, "mean": floats(sc.mean_), "scale": floats(sc.scale_)}
        blocks_train.append(sc.transform(tr_num.values))
        blocks_test.append(sc.transform(te_num.values))
    if c.get("onehot"):
        enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(cats_train.astype(str).values)
        out["onehot"] = {col: [str(x) for x in cats] for col, cats in zip(c["onehot"], enc.categories_)}
        blocks_train.append(enc.transform(cats_train.astype(str).values))
        blocks_test.append(enc.transform(cats_test.astype(str).values))
    if c.get("tfidf"):
        t = c["tfidf"]
        kw = dict(t["options"])
        if "ngram_range" in kw:
            kw["ngram_range"] = tuple(kw["ngram_range"])
        vec = TfidfVectorizer(**kw)
        docs_train = train[t["column"]].fillna("").astype(str).tolist()
        docs_test = test[t["column"]].fillna("").astype(str).tolist()
        Xtr = vec.fit_transform(docs_train)
        Xte = vec.transform(docs_test).tocsr()
        Xte.sort_indices()
        vocab = sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])
        out["tfidf"] = {
            "vocabulary": [k for k, _ in vocab], "idf": floats(vec.idf_),
            "test": {"indptr": Xte.indptr.tolist(), "indices": Xte.indices.tolist(), "data": floats(Xte.data)},
        }
        blocks_train.append(Xtr)
        blocks_test.append(Xte)
    if any(sp.issparse(b) for b in blocks_train):
        Xtrain, Xtest = sp.hstack(blocks_train).tocsr(), sp.hstack(blocks_test).tocsr()
    else:
        Xtrain, Xtest = np.hstack(blocks_train), np.hstack(blocks_test)
    ytrain, ytest = train[c["target"]], test[c["target"]]
    if c["task"] == "classification":
        ytrain, ytest = ytrain.astype(str).values, ytest.astype(str).values
    else:
        ytrain, ytest = ytrain.astype(float).values, ytest.astype(float).values
    model = eval(c["estimator"])
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(Xtrain, ytrain)
        pred = model.predict(Xtest)
    out["fit_ms"] = (time.perf_counter() - t0) * 1000
    metrics = {}
    for m in c["metrics"]:
        if m == "accuracy":
            metrics[m] = accuracy_score(ytest, pred)
        elif m == "f1":
            metrics[m] = f1_score(ytest, pred, pos_label=c["positive"])
        elif m == "f1_macro":
            metrics[m] = f1_score(ytest, pred, average="macro")
        elif m == "r2":
            metrics[m] = r2_score(ytest, pred)
        elif m == "rmse":
            metrics[m] = math.sqrt(mean_squared_error(ytest, pred))
        elif m == "mae":
            metrics[m] = mean_absolute_error(ytest, pred)
    out["metrics"] = metrics
    return out


def main():
    cases = json.load(sys.stdin)
    json.dump([run_case(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
