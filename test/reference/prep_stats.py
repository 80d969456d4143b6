"""Reference side of the preparation/feature parity suite (test code only).

Reads a JSON spec on stdin:
  {"numeric": {"<name>": [number | null, ...], ...},
   "category": {"<name>": [string | null, ...], ...},
   "bins": [k, ...],
   "text": {"docs": [string, ...], "configs": [{TfidfVectorizer keyword arguments}, ...]}}
Every key is optional. Prints JSON with scikit-learn's fitted statistics for each
input: StandardScaler mean_/scale_, MinMaxScaler data_min_/data_range_, RobustScaler
center_/scale_, SimpleImputer statistics_ (mean, median, most_frequent),
KBinsDiscretizer (ordinal) bin_edges_ and transform per strategy and k,
OneHotEncoder categories_, and TfidfVectorizer vocabulary (in column order),
idf_ and the transformed CSR matrix. Missing values are null (NaN in, null out).
"""
import json, math, sys, warnings
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import KBinsDiscretizer, MinMaxScaler, OneHotEncoder, RobustScaler, StandardScaler


def floats(a):
    return [None if not math.isfinite(v) else float(v) for v in np.asarray(a, dtype=float).ravel()]


def numeric_stats(columns, bins):
    out = {}
    for name, values in columns.items():
        x = np.array([np.nan if v is None else v for v in values], dtype=float).reshape(-1, 1)
        present = x[~np.isnan(x[:, 0])]
        r = {
            "standard": {"mean": floats(StandardScaler().fit(x).mean_), "scale": floats(StandardScaler().fit(x).scale_),
                         "transform": floats(StandardScaler().fit_transform(x))},
            "minmax": {"min": floats(MinMaxScaler().fit(x).data_min_), "range": floats(MinMaxScaler().fit(x).data_range_)},
            "robust": {"center": floats(RobustScaler().fit(x).center_), "scale": floats(RobustScaler().fit(x).scale_)},
            "impute": {s: floats(SimpleImputer(strategy=s).fit(x).statistics_) for s in ("mean", "median", "most_frequent")},
            "bins": {},
        }
        for k in bins:
            for strategy in ("uniform", "quantile"):
                kb = KBinsDiscretizer(n_bins=k, encode="ordinal", strategy=strategy, subsample=None).fit(present)
                r["bins"][f"{strategy}{k}"] = {"edges": floats(kb.bin_edges_[0]), "transform": floats(kb.transform(present))}
        out[name] = r
    return out


def category_stats(columns):
    out = {}
    for name, values in columns.items():
        x = np.array([np.nan if v is None else v for v in values], dtype=object).reshape(-1, 1)
        mode = SimpleImputer(strategy="most_frequent", missing_values=np.nan).fit(x).statistics_[0]
        present = np.array([v for v in values if v is not None], dtype=object).reshape(-1, 1)
        out[name] = {"mode": mode, "categories": [str(c) for c in OneHotEncoder().fit(present).categories_[0]]}
    return out


def text_stats(docs, configs):
    out = []
    for cfg in configs:
        args = dict(cfg)
        if "ngram_range" in args:
            args["ngram_range"] = tuple(args["ngram_range"])
        v = TfidfVectorizer(**args)
        m = v.fit_transform(docs).tocsr()
        m.sort_indices()
        vocab = sorted(v.vocabulary_, key=v.vocabulary_.get)
        out.append({"vocabulary": vocab, "idf": floats(v.idf_), "indptr": m.indptr.tolist(),
                    "indices": m.indices.tolist(), "data": floats(m.data)})
    return out


def main():
    warnings.simplefilter("ignore")  # e.g. KBinsDiscretizer merging narrow bins, which the test checks
    spec = json.load(sys.stdin)
    result = {
        "numeric": numeric_stats(spec.get("numeric", {}), spec.get("bins", [])),
        "category": category_stats(spec.get("category", {})),
    }
    if "text" in spec:
        result["text"] = text_stats(spec["text"]["docs"], spec["text"]["configs"])
    json.dump(result, sys.stdout, allow_nan=False)


main()
