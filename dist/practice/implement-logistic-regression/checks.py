"""The examples and edge cases of the answer note for implement-logistic-regression: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

rng = np.random.default_rng(0)
n, d = 400, 5
X = rng.normal(size=(n, d))
w_true = np.array([2.0, -1.0, 0.5, 0.0, 0.0])
y = (rng.random(n) < sigmoid(X @ w_true - 0.5)).astype(float)

w0, b0, eps = rng.normal(size=d), 0.3, 1e-6                        # gradient vs finite differences
dw, db = gradient(w0, b0, X, y, 0.1)
num = [(objective(w0 + eps * e, b0, X, y, 0.1) - objective(w0 - eps * e, b0, X, y, 0.1)) / (2 * eps) for e in np.eye(d)]
assert np.allclose(dw, num, atol=1e-6)
assert np.isclose(db, (objective(w0, b0 + eps, X, y, 0.1) - objective(w0, b0 - eps, X, y, 0.1)) / (2 * eps))

wg, bg = np.zeros(d), 0.0                                          # reference: full-batch GD
for _ in range(3000):
    gw, gb = gradient(wg, bg, X, y, 0.05)
    wg, bg = wg - 0.5 * gw, bg - 0.5 * gb
w, b, info = fit_sgd(X, y, lr=0.05, l2=0.05, max_epochs=100)
assert abs(objective(w, b, X, y, 0.05) - objective(wg, bg, X, y, 0.05)) < 5e-3
assert np.mean((sigmoid(X @ w + b) > 0.5) == y) > 0.75 and info["val_loss"] == []

Xo = rng.normal(size=(100, 60))                                    # 60 features, 1 informative: overfits
yo = (rng.random(100) < sigmoid(2 * Xo[:, 0])).astype(float)
perm = rng.permutation(100)
tr, va = perm[:60], perm[60:]
w, b, info = fit_sgd(Xo[tr], yo[tr], lr=0.3, l2=0.01, max_epochs=500, X_val=Xo[va], y_val=yo[va], patience=10)
assert info["stopped_early"] and len(info["val_loss"]) < 500
assert np.isclose(objective(w, b, Xo[va], yo[va], 0), min(info["val_loss"]))  # best weights restored, val loss unpenalised

sep = np.array([[-2.0], [-1.0], [1.0], [2.0]])
norm = lambda l2: abs(fit_sgd(sep, [0, 0, 1, 1], lr=0.5, l2=l2, max_epochs=500)[0][0])
assert norm(0.1) < 3 < norm(0.0)                                    # L2 bounds separable weights
assert sigmoid(np.array([1000.0]))[0] == 1.0 and sigmoid(np.array([-1000.0]))[0] == 0.0
for bad_y in ([0, 1, 2, 1], []):
    try:
        fit_sgd(sep[: len(bad_y)], bad_y)
        raise AssertionError("must reject")
    except ValueError:
        pass
