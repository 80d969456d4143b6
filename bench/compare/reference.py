"""scikit-learn side of the mlp-vs-scikit-learn search benchmark.

Reads a JSON request on stdin: {"case": name, "data": csv path, "rows": mlp's split
rows (train, test, folds: data rows of the file), "n_jobs": int}. Builds the same
pipeline and grid as the mlp case, runs GridSearchCV on exactly mlp's folds, refits the
best on the training rows, scores the test rows, and prints JSON with the in-process
wall time (from reading the CSV to the test score), the best CV score and the test score.
Benchmark code only.
"""
import json, sys, time
t_start = time.perf_counter()
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV
from sklearn.naive_bayes import MultinomialNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC
t_imported = time.perf_counter()


def case(name, df):
    if name == "breast_cancer_svm":
        X = df.drop(columns=["diagnosis"]); y = df["diagnosis"]
        pipe = Pipeline([("scale", StandardScaler()), ("clf", SVC(kernel="rbf"))])
        grid = {"clf__C": [0.1, 1.0, 10.0, 100.0, 1000.0], "clf__gamma": [0.001, 0.01, 0.1, 1.0]}
        return X, y, pipe, grid
    if name == "spam_text":
        X = df["text"]; y = df["label"]
        pipe = Pipeline([("tfidf", TfidfVectorizer(ngram_range=(1, 2))), ("clf", MultinomialNB())])
        grid = [{"clf": [MultinomialNB()], "clf__alpha": [0.001, 0.01, 0.1, 0.5, 1.0]},
                {"clf": [LogisticRegression(max_iter=100)], "clf__C": [0.1, 1.0, 10.0, 100.0, 1000.0]}]
        return X, y, pipe, grid
    if name == "digits_knn_logistic":
        X = df.drop(columns=["digit"]); y = df["digit"].astype(str)
        pipe = Pipeline([("scale", StandardScaler()), ("clf", KNeighborsClassifier())])
        grid = [{"clf": [KNeighborsClassifier()], "clf__n_neighbors": [1, 3, 5, 7, 9]},
                {"clf": [LogisticRegression(max_iter=100)], "clf__C": [0.01, 0.1, 1.0, 10.0]}]
        return X, y, pipe, grid
    if name == "penguins_forest":
        y = df["species"]; X = df.drop(columns=["species"])
        numeric = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
        prep = ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
            ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("onehot", OneHotEncoder(handle_unknown="ignore"))]), ["island", "sex"]),
        ])
        pipe = Pipeline([("prep", prep), ("clf", RandomForestClassifier(n_estimators=100, random_state=0))])
        grid = [{"clf": [RandomForestClassifier(n_estimators=100, random_state=0)], "clf__max_depth": [None, 5]},
                {"clf": [LogisticRegression(max_iter=100)], "clf__C": [0.1, 1.0, 10.0]}]
        return X, y, pipe, grid
    raise SystemExit(f"unknown case {name}")


def main():
    req = json.load(sys.stdin)
    t0 = time.perf_counter()
    df = pd.read_csv(req["data"], keep_default_na=False, na_values=[""])
    X, y, pipe, grid = case(req["case"], df)
    rows = req["rows"]
    train, test = np.array(rows["train"]), np.array(rows["test"])
    pos = {r: i for i, r in enumerate(train)}
    folds = [(np.array([pos[r] for r in f["train"]]), np.array([pos[r] for r in f["test"]])) for f in rows["folds"]]
    search = GridSearchCV(pipe, grid, cv=folds, scoring="accuracy", n_jobs=req["n_jobs"], refit=True)
    search.fit(X.iloc[train], y.iloc[train])
    test_score = float(np.mean(search.predict(X.iloc[test]) == y.iloc[test].to_numpy()))
    t1 = time.perf_counter()
    json.dump({"ms": (t1 - t0) * 1000, "import_ms": (t_imported - t_start) * 1000, "best_cv": float(search.best_score_),
               "test": test_score, "best": str(search.best_params_), "candidates": len(search.cv_results_["params"])}, sys.stdout)


main()
