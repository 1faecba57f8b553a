"""The examples and edge cases of the answer note for implement-lora-adapter: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

rng = np.random.default_rng(0)
d_in, d_out, r, n = 6, 5, 2, 8
W, b = rng.normal(size=(d_out, d_in)), rng.normal(size=d_out)
W0 = W.copy()
layer = LoRALinear(W, b, r, alpha=4, rng=rng)
x = rng.normal(size=(n, d_in))

assert np.array_equal(layer.forward(x), x @ W.T + b)           # B = 0: identical to the base at start
assert layer.n_trainable() == r * (d_in + d_out) == 22
g = layer.backward(x, np.ones((n, d_out)))
assert np.all(g["A"] == 0) and np.abs(g["B"]).sum() > 0         # B = 0 still lets B learn

layer.B = rng.normal(size=(d_out, r))
assert np.allclose(x @ layer.merged_weight().T + b, layer.forward(x))   # merged == adapter path
delta = layer.forward(x) - (x @ W.T + b)
assert np.allclose(delta, 2 * (x @ layer.A.T) @ layer.B.T)      # scale = alpha / r = 2

def numeric_grad(f, M, eps=1e-6):
    """Central differences of the scalar f() wrt every entry of M (changed in place, then restored)."""
    num = np.zeros_like(M)
    for idx in np.ndindex(M.shape):
        old = M[idx]
        M[idx] = old + eps
        up = f()
        M[idx] = old - eps
        num[idx] = (up - f()) / (2 * eps)
        M[idx] = old
    return num


R = rng.normal(size=(n, d_out))                                 # loss = sum(R * y)
g = layer.backward(x, R)
loss = lambda: np.sum(R * layer.forward(x))
for name, M in (("A", layer.A), ("B", layer.B), ("x", x)):
    assert np.allclose(g[name], numeric_grad(loss, M), atol=1e-5), name

target = W + rng.normal(size=(d_out, r)) @ rng.normal(size=(r, d_in)) / 2   # a rank-2 change to learn
fit = LoRALinear(W, b, r, alpha=r, rng=np.random.default_rng(1))
X = rng.normal(size=(64, d_in))
Y = X @ target.T + b
losses = []
for _ in range(1500):
    err = fit.forward(X) - Y
    losses.append(np.mean(err**2))
    grads = fit.backward(X, 2 * err / err.size)
    fit.A -= 0.05 * grads["A"]
    fit.B -= 0.05 * grads["B"]
assert losses[-1] < 1e-3 * losses[0] and np.array_equal(W, W0)  # learns the update; W untouched

stuck = LoRALinear(W, b, r, alpha=r, rng=rng)
stuck.A[:] = 0                                                   # both zero: no gradient anywhere
g = stuck.backward(X, np.ones((64, d_out)))
assert not g["A"].any() and not g["B"].any()
for bad in (0, 6):
    try:
        LoRALinear(W, b, bad, alpha=1, rng=rng)
        raise AssertionError("rank out of range")
    except ValueError:
        pass
