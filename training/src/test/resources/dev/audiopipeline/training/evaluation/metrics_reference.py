"""Reference numbers for MetricsTest, from scikit-learn (1.9.1 when written) and numpy.

Run: python metrics_reference.py   (prints the hand-worked case's numbers and the random case as Java literals)
"""
import numpy as np
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score,
                             precision_recall_fscore_support, roc_auc_score)


def ranking(scores):
    # The product's rule: higher score first, equal scores by label order (a stable sort of -score).
    return np.argsort(-scores, axis=1, kind="stable")


def ece(scores, y, bins=10):
    # CalibrationError: bin b holds confidences in (b/bins, (b+1)/bins], the first bin also 0.
    conf = scores[np.arange(len(y)), ranking(scores)[:, 0]]
    correct = ranking(scores)[:, 0] == y
    edges = np.arange(1, bins + 1) / bins
    which = np.minimum(np.searchsorted(edges, conf, side="left"), bins - 1)
    total = 0.0
    for b in range(bins):
        members = which == b
        if members.any():
            total += members.sum() / len(y) * abs(correct[members].mean() - conf[members].mean())
    return total


def report(name, scores, y, n_labels):
    labels = list(range(n_labels))
    pred = ranking(scores)[:, 0]
    print(f"== {name}")
    print("accuracy", repr(accuracy_score(y, pred)))
    print("macro_f1", repr(f1_score(y, pred, average="macro")))  # labels in truth or predictions
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    print("precision", [repr(v) for v in p])
    print("recall", [repr(v) for v in r])
    print("f1", [repr(v) for v in f])
    print("support", list(s))
    print("confusion", confusion_matrix(y, pred, labels=labels).tolist())
    auc = [roc_auc_score(y == k, scores[:, k]) if 0 < (y == k).sum() < len(y) else None for k in labels]
    ap = [average_precision_score(y == k, scores[:, k]) if (y == k).sum() > 0 else None for k in labels]
    print("roc_auc", [repr(v) for v in auc], "macro", repr(np.mean([v for v in auc if v is not None])))
    print("pr_auc", [repr(v) for v in ap], "macro", repr(np.mean([v for v in ap if v is not None])))
    top2 = np.mean([y[i] in ranking(scores)[i, :2] for i in range(len(y))])
    print("top2", repr(top2))
    print("ece", repr(ece(scores, y)))


# The hand-worked case of MetricsTest (labels a, b, c).
hand = np.array([[0.7, 0.2, 0.1], [0.5, 0.4, 0.1], [0.3, 0.6, 0.1], [0.2, 0.7, 0.1],
                 [0.4, 0.3, 0.3], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5], [0.45, 0.35, 0.2]])
report("hand", hand, np.array([0, 0, 0, 1, 1, 1, 2, 2]), 3)

# The random case: 4 labels, 80 examples, scores rounded to 2 decimals so that equal scores are common.
rng = np.random.default_rng(20261123)
y = rng.integers(0, 4, size=80)
logits = rng.normal(size=(80, 4)) + 1.2 * np.eye(4)[y]
scores = np.round(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True), 2)
report("random", scores, y, 4)
print("int[] ACTUAL = {" + ", ".join(str(v) for v in y) + "};")
print("double[][] SCORES = {")
for row in scores:
    print("    {" + ", ".join(repr(float(v)) for v in row) + "},")
print("};")
