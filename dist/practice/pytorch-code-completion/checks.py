"""The examples and edge cases of the answer note for pytorch-code-completion: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

rng = np.random.default_rng(0)
loss, grad = mse_loss(np.array([1.0, 3.0]), np.array([0.0, 0.0]))
assert loss == 5.0 and np.allclose(grad, [1.0, 3.0])                 # d/dp mean((p-t)^2) = 2(p-t)/n
lin = Linear(4, 3, rng)
assert lin.W.shape == (3, 4) and np.all(np.abs(lin.W) <= 0.5)        # 1/sqrt(4)
x, R = rng.normal(size=(5, 4)), rng.normal(size=(5, 3))
assert np.allclose(lin.forward(x), x @ lin.W.T + lin.b)

dx = lin.backward(R)                                                  # loss = sum(R * y)
for M, g in ((lin.W, lin.W_grad), (lin.b, lin.b_grad), (x, dx)):
    num = np.zeros_like(M)
    for idx in np.ndindex(M.shape):
        old = M[idx]
        M[idx] = old + 1e-6
        up = np.sum(R * (x @ lin.W.T + lin.b))
        M[idx] = old - 1e-6
        num[idx] = (up - np.sum(R * (x @ lin.W.T + lin.b))) / 2e-6
        M[idx] = old
    assert np.allclose(g, num, atol=1e-6)

first = lin.W_grad.copy()
lin.forward(x)
lin.backward(R)
assert np.allclose(lin.W_grad, 2 * first)                            # no zero_grad: gradients add up
lin.zero_grad()
assert not lin.W_grad.any() and not lin.b_grad.any()

W_true, b_true = rng.normal(size=(2, 3)), np.array([0.5, -1.0])
X = rng.normal(size=(200, 3))
Y = X @ W_true.T + b_true + 0.01 * rng.normal(size=(200, 2))
model = Linear(3, 2, rng)
hist = train(model, X, Y, lr=0.1, epochs=30, batch_size=16, rng=rng)
assert hist[-1] < 1e-3 < hist[0]
assert np.allclose(model.W, W_true, atol=0.02) and np.allclose(model.b, b_true, atol=0.02)
