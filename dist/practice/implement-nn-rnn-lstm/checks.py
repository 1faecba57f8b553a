"""The examples and edge cases of the answer note for implement-nn-rnn-lstm: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import math

rng = np.random.default_rng(0)
T, B, D, H = 5, 2, 3, 4
x, h0, c0 = rng.normal(size=(T, B, D)), rng.normal(size=(B, H)), rng.normal(size=(B, H))
Wx, Wh, b = rng.normal(size=(D, H)) / 2, rng.normal(size=(H, H)) / 2, rng.normal(size=H) / 2

hs = rnn_forward(x, h0, Wx, Wh, b)
assert hs.shape == (T, B, H)
assert np.allclose(hs[0], np.tanh(x[0] @ Wx + h0 @ Wh + b))
R = rng.normal(size=(T, B, H))                                    # loss = sum(R * hs)
g = rnn_backward(x, h0, Wx, Wh, hs, R)
for name, M in (("Wx", Wx), ("Wh", Wh), ("b", b), ("h0", h0), ("x", x)):
    num = np.zeros_like(M)
    for idx in np.ndindex(M.shape):
        old = M[idx]
        M[idx] = old + 1e-6
        up = np.sum(R * rnn_forward(x, h0, Wx, Wh, b))
        M[idx] = old - 1e-6
        num[idx] = (up - np.sum(R * rnn_forward(x, h0, Wx, Wh, b))) / 2e-6
        M[idx] = old
    assert np.allclose(g[name], num, atol=1e-6), name

W, bl = rng.normal(size=(D + H, 4 * H)) / 2, rng.normal(size=4 * H) / 2
hs_l, (hT, cT) = lstm_forward(x, h0, c0, W, bl)
assert hs_l.shape == (T, B, H) and np.array_equal(hs_l[-1], hT)
sg = lambda v: 1 / (1 + math.exp(-v))
for s in range(B):                                                 # scalar loop, one unit at a time
    h, c = list(h0[s]), list(c0[s])
    for t in range(T):
        inp = list(x[t, s]) + h
        gate = lambda k, j: sum(inp[r] * W[r, k * H + j] for r in range(D + H)) + bl[k * H + j]
        c = [sg(gate(1, j)) * c[j] + sg(gate(0, j)) * math.tanh(gate(2, j)) for j in range(H)]
        h = [sg(gate(3, j)) * math.tanh(c[j]) for j in range(H)]
        assert np.allclose(hs_l[t, s], h)
    assert np.allclose(cT[s], c)

keep = np.zeros(4 * H)
keep[:H], keep[H : 2 * H] = -30, 30                                # input gate shut, forget gate open
_, (_, c_kept) = lstm_forward(x, h0, c0, np.zeros_like(W), keep)
assert np.allclose(c_kept, c0)                                     # the cell carries c0 unchanged

empty = np.zeros((0, B, D))
assert rnn_forward(empty, h0, Wx, Wh, b).shape == (0, B, H)
e_hs, (e_h, e_c) = lstm_forward(empty, h0, c0, W, bl)
assert e_hs.shape == (0, B, H) and np.array_equal(e_h, h0) and np.array_equal(e_c, c0)
