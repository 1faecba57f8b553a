"""The examples and edge cases of the answer note for transformer-bug-fixing: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def forward_buggy(params, tokens, cache=None, bug="positions"):
    """The code as received: correct without a cache, wrong with one."""
    E, P, Wq, Wk, Wv, Wo = (params[n] for n in ("E", "P", "Wq", "Wk", "Wv", "Wo"))
    past, T = (0 if cache is None else len(cache[0])), len(tokens)
    x = E[tokens] + (P[:T] if bug == "positions" else P[past : past + T])   # BUG 1: restarts at 0
    q, k, v = x @ Wq, x @ Wk, x @ Wv
    if cache is not None:
        k, v = np.concatenate([cache[0], k]), np.concatenate([cache[1], v])
    s = q @ k.T / np.sqrt(q.shape[1])
    if bug == "mask":
        allowed = np.tril(np.ones((T, past + T), dtype=bool))                # BUG 2: top-left aligned
    else:
        allowed = np.arange(past + T)[None, :] <= past + np.arange(T)[:, None]
    s = np.where(allowed, s, -np.inf)
    w = np.exp(s - s.max(1, keepdims=True))
    return (x + (w / w.sum(1, keepdims=True)) @ v @ Wo) @ E.T, (k, v)


def incremental(fwd, params, tokens, prefill):
    logits, cache = fwd(params, tokens[:prefill])
    out = [logits]
    for t in tokens[prefill:]:
        logits, cache = fwd(params, [t], cache)
        out.append(logits)
    return np.concatenate(out)


rng = np.random.default_rng(0)
V, d, max_len = 11, 8, 16
params = {"E": rng.normal(size=(V, d)), "P": rng.normal(size=(max_len, d)),
          **{n: rng.normal(size=(d, d)) / np.sqrt(d) for n in ("Wq", "Wk", "Wv", "Wo")}}
tokens = [3, 1, 4, 1, 5, 9, 2, 6]
full, cache = forward(params, tokens)
assert full.shape == (8, V) and cache[0].shape == (8, d)

for prefill in (1, 3, 8):                                    # step-by-step decode == full recompute
    assert np.allclose(incremental(forward, params, tokens, prefill), full)
a, c = forward(params, tokens[:2])
b, c = forward(params, tokens[2:5], c)                       # multi-token chunk after a cache
e, c = forward(params, tokens[5:], c)
assert np.allclose(np.concatenate([a, b, e]), full)
assert greedy(params, [1, 2], 10) == greedy(params, [1, 2], 10, use_cache=False)

for bug in ("positions", "mask"):
    assert np.allclose(forward_buggy(params, tokens, bug=bug)[0], full)      # full pass hides the bug
    broken = incremental(lambda p, t, c=None: forward_buggy(p, t, c, bug), params, tokens, 3)
    assert np.allclose(broken[:3], full[:3]) and not np.allclose(broken[3:], full[3:])

try:
    forward(params, list(range(V)) + [0] * 6)                 # 17 > 16 positions
    raise AssertionError("must refuse to run past the position table")
except ValueError:
    pass
