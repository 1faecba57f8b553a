"""The examples and edge cases of the answer note for implement-cached-gqa-attention: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def loop_reference(x, Wq, Wk, Wv, Wo, n_heads, kv_of_head):
    """Full recompute, one batch row, head and query at a time; head h uses KV head kv_of_head(h)."""
    B, T, d = x.shape
    dh = d // n_heads
    out = np.zeros((B, T, d))
    for b in range(B):
        cols = []
        for h in range(n_heads):
            qc, kc = slice(h * dh, (h + 1) * dh), slice(kv_of_head(h) * dh, (kv_of_head(h) + 1) * dh)
            Q, K, V = x[b] @ Wq[:, qc], x[b] @ Wk[:, kc], x[b] @ Wv[:, kc]
            rows = []
            for i in range(T):
                e = np.exp(K[: i + 1] @ Q[i] / np.sqrt(dh))
                rows.append(e / e.sum() @ V[: i + 1])
            cols.append(rows)
        out[b] = np.concatenate([np.array(c) for c in cols], axis=1) @ Wo
    return out


rng = np.random.default_rng(0)
B, T, d, H = 2, 7, 16, 4
dh = d // H
x = rng.normal(size=(B, T, d))
Wq, Wo = rng.normal(size=(d, d)) / 4, rng.normal(size=(d, d)) / 4

for n_kv, kv_of_head in [(2, lambda h: h // 2), (1, lambda h: 0), (H, lambda h: h)]:  # GQA, MQA, MHA
    Wk, Wv = rng.normal(size=(d, n_kv * dh)) / 4, rng.normal(size=(d, n_kv * dh)) / 4
    full, (K, V) = gqa_attention(x, Wq, Wk, Wv, Wo, H, n_kv)
    assert np.allclose(full, loop_reference(x, Wq, Wk, Wv, Wo, H, kv_of_head))
    assert K.shape == V.shape == (B, n_kv, T, dh)                  # cache is n_kv / H of MHA's

    out, cache = gqa_attention(x[:, :3], Wq, Wk, Wv, Wo, H, n_kv)  # prefill 3 tokens
    steps = [out]
    for t in range(3, T):                                          # then decode one token at a time
        out, cache = gqa_attention(x[:, t : t + 1], Wq, Wk, Wv, Wo, H, n_kv, cache)
        steps.append(out)
    assert np.allclose(np.concatenate(steps, axis=1), full)       # incremental == full recompute
    assert np.allclose(cache[0], K) and np.allclose(cache[1], V)

    a, c = gqa_attention(x[:, :2], Wq, Wk, Wv, Wo, H, n_kv)        # chunks of 2, 3, 2: offset mask
    b_, c = gqa_attention(x[:, 2:5], Wq, Wk, Wv, Wo, H, n_kv, c)
    e, c = gqa_attention(x[:, 5:], Wq, Wk, Wv, Wo, H, n_kv, c)
    assert np.allclose(np.concatenate([a, b_, e], axis=1), full)

Wk2 = rng.normal(size=(d, 2 * dh))
mha_like = gqa_attention(x, Wq, np.repeat(Wk2.reshape(d, 2, dh), 2, axis=1).reshape(d, d),
                         np.repeat(Wk2.reshape(d, 2, dh), 2, axis=1).reshape(d, d), Wo, H, H)[0]
assert np.allclose(gqa_attention(x, Wq, Wk2, Wk2, Wo, H, 2)[0], mha_like)  # GQA == MHA with copied KV heads
try:
    gqa_attention(x, Wq, Wk, Wv, Wo, H, 3)
    raise AssertionError("4 heads cannot be split into 3 KV groups")
except ValueError:
    pass
