"""The examples and edge cases of the answer note for one-nn-and-feedforward-net: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import math

rng = np.random.default_rng(0)
Xtr, ytr = rng.normal(size=(30, 3)), rng.integers(0, 3, 30)
Xq = rng.normal(size=(10, 3))
brute = [ytr[min(range(30), key=lambda j: math.dist(q, Xtr[j]))] for q in Xq]
assert list(one_nn_predict(Xtr, ytr, Xq)) == brute
assert list(one_nn_predict(Xtr, ytr, Xtr)) == list(ytr)           # zero training error
assert one_nn_predict([[0, 0], [2, 0]], ["a", "b"], [1, 0])[0] == "a"  # tie: lowest index
assert one_nn_predict([[0, 0], [2, 0]], ["a", "b"], [[1.9, 5]])[0] == "b"
for bad in (([], [], [[1, 2]]), ([[1, 2]], [0], [[1, 2, 3]])):
    try:
        one_nn_predict(*bad)
        raise AssertionError("must reject")
    except ValueError:
        pass

p = init_mlp(3, 5, 4, rng)
X, y = rng.normal(size=(7, 3)), rng.integers(0, 4, 7)
loss, g = loss_and_grads(p, X, y)
assert np.isclose(loss, -np.mean([np.log(np.exp(r[c]) / np.exp(r).sum()) for r, c in zip(mlp_forward(p, X), y)]))
for k in p:                                                       # finite-difference gradient check
    num = np.zeros_like(p[k])
    for idx in np.ndindex(p[k].shape):
        old = p[k][idx]
        p[k][idx] = old + 1e-6
        up = loss_and_grads(p, X, y)[0]
        p[k][idx] = old - 1e-6
        num[idx] = (up - loss_and_grads(p, X, y)[0]) / 2e-6
        p[k][idx] = old
    assert np.allclose(g[k], num, atol=1e-6), k

X_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y_xor = np.array([0, 1, 1, 0])
params, hist = train_mlp(X_xor, y_xor, d_hidden=16, n_classes=2, lr=0.5, steps=2000)
assert hist[-1] < 0.05 < hist[0]                                  # XOR is not linearly separable
assert list(mlp_forward(params, X_xor).argmax(1)) == list(y_xor)
