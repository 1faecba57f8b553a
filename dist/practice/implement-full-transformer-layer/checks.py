"""The examples and edge cases of the answer note for implement-full-transformer-layer: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def loop_layer(x, p, h):
    """One sequence (T, d), one position and one head at a time; position t sees 0..t."""
    T, d = x.shape
    dh = d // h
    ln = lambda v, g, b: (v - v.mean()) / np.sqrt(((v - v.mean()) ** 2).mean() + 1e-5) * g + b
    a = np.array([ln(v, p["ln1_g"], p["ln1_b"]) for v in x])
    out = []
    for t in range(T):
        heads = []
        for j in range(h):
            c = slice(j * dh, (j + 1) * dh)
            q = a[t] @ p["Wq"][:, c] + p["bq"][c]
            K = a[: t + 1] @ p["Wk"][:, c] + p["bk"][c]
            V = a[: t + 1] @ p["Wv"][:, c] + p["bv"][c]
            e = np.exp(K @ q / np.sqrt(dh) - (K @ q / np.sqrt(dh)).max())
            heads.append(e / e.sum() @ V)
        ht = x[t] + np.concatenate(heads) @ p["Wo"] + p["bo"]
        z = ln(ht, p["ln2_g"], p["ln2_b"]) @ p["W1"] + p["b1"]
        out.append(ht + 0.5 * z * (1 + np.tanh(0.7978845608 * (z + 0.044715 * z**3))) @ p["W2"] + p["b2"])
    return np.array(out)


rng = np.random.default_rng(0)
B, T, d, h, d_ff = 2, 6, 8, 2, 32
p = init_layer(d, d_ff, rng)
p = {k: v + 0.1 * rng.normal(size=v.shape) for k, v in p.items()}   # non-trivial biases and norm scales
x = rng.normal(size=(B, T, d))

y = transformer_layer(x, p, h)
assert y.shape == x.shape
assert all(np.allclose(y[b], loop_layer(x[b], p, h)) for b in range(B))

ln = layer_norm(x, np.ones(d), np.zeros(d))
assert np.allclose(ln.mean(-1), 0) and np.allclose(ln.var(-1), 1, atol=1e-4)

x2 = x.copy()
x2[:, 3] += rng.normal(size=(B, d))                             # change token 3 (not by a constant: LN removes that)
y2 = transformer_layer(x2, p, h)
assert np.allclose(y2[:, :3], y[:, :3]) and not np.allclose(y2[:, 3], y[:, 3])   # causal
y_enc = transformer_layer(x2, p, h, causal=False)
assert not np.allclose(y_enc[:, :3], transformer_layer(x, p, h, causal=False)[:, :3])  # encoder sees ahead

z = {**p, "Wo": 0 * p["Wo"], "bo": 0 * p["bo"], "W2": 0 * p["W2"], "b2": 0 * p["b2"]}
assert np.allclose(transformer_layer(x, z, h), x)                 # sublayers off: residual identity

sizes = sum(v.size for v in init_layer(d, d_ff, rng).values())
assert sizes == 4 * d * d + 2 * d * d_ff + 9 * d + d_ff           # 8*d (4 proj biases, 2 LN x 2) + b2 + b1
assert np.allclose(transformer_layer(x[:1], p, h), y[:1])          # batch rows are independent
try:
    transformer_layer(x, p, 3)
    raise AssertionError("8 is not divisible by 3")
except ValueError:
    pass
