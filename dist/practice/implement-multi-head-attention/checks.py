"""The examples and edge cases of the answer note for implement-multi-head-attention: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def loop_attention(x, Wq, Wk, Wv, Wo, h, n_keys):
    """Per batch, per head, per query row; query i sees keys [0, n_keys(i))."""
    B, T, d = x.shape
    dh = d // h
    out = np.zeros((B, T, d))
    for b in range(B):
        heads = []
        for j in range(h):
            cols = slice(j * dh, (j + 1) * dh)
            Q, K, V = x[b] @ Wq[:, cols], x[b] @ Wk[:, cols], x[b] @ Wv[:, cols]
            rows = []
            for i in range(T):
                s = K[: n_keys(i)] @ Q[i] / np.sqrt(dh)
                p = np.exp(s - s.max())
                rows.append((p / p.sum()) @ V[: n_keys(i)])
            heads.append(np.array(rows))
        out[b] = np.concatenate(heads, axis=1) @ Wo
    return out


rng = np.random.default_rng(0)
B, T, d, h = 2, 5, 8, 2
x = rng.normal(size=(B, T, d))
Wq, Wk, Wv, Wo = (rng.normal(size=(d, d)) / np.sqrt(d) for _ in range(4))

out, w = multi_head_attention(x, Wq, Wk, Wv, Wo, h)
assert out.shape == (B, T, d) and w.shape == (B, h, T, T)
assert np.allclose(out, loop_attention(x, Wq, Wk, Wv, Wo, h, lambda i: T))

out_c, w_c = multi_head_attention(x, Wq, Wk, Wv, Wo, h, mask=causal_mask(T))
assert np.allclose(out_c, loop_attention(x, Wq, Wk, Wv, Wo, h, lambda i: i + 1))
assert np.allclose(w_c.sum(-1), 1.0)                                 # rows sum to 1
iu = np.triu_indices(T, 1)
assert np.all(w_c[..., iu[0], iu[1]] == 0)                           # future keys get exactly 0
assert np.allclose(out_c[:, 0], x[:, 0] @ Wv @ Wo)                   # token 0 sees only itself

pad = np.ones((B, 1, 1, T), dtype=bool)
pad[:, :, :, 3:] = False                                             # last 2 keys are padding
out_p, w_p = multi_head_attention(x, Wq, Wk, Wv, Wo, h, mask=pad)
assert np.all(w_p[..., 3:] == 0)
assert np.allclose(out_p, loop_attention(x, Wq, Wk, Wv, Wo, h, lambda i: 3))

perm = rng.permutation(T)                                            # no mask: permutation-equivariant
assert np.allclose(multi_head_attention(x[:, perm], Wq, Wk, Wv, Wo, h)[0], out[:, perm])

none = np.zeros((T, T), dtype=bool)
out_n, w_n = multi_head_attention(x, Wq, Wk, Wv, Wo, h, mask=none)   # all keys masked
assert np.all(w_n == 0) and np.all(out_n == 0) and not np.isnan(out_n).any()

one, _ = multi_head_attention(x[:, :1], Wq, Wk, Wv, Wo, h)           # T == 1: attends itself
assert np.allclose(one[:, 0], x[:, 0] @ Wv @ Wo)
try:
    multi_head_attention(x, Wq, Wk, Wv, Wo, 3)
    raise AssertionError("8 is not divisible by 3")
except ValueError:
    pass
