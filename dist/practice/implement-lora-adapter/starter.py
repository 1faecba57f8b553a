import numpy as np

class LoRALinear:
    """Frozen linear layer W (d_out, d_in), b plus a trainable low-rank update scaled by alpha / r."""

    def __init__(self, W, b, r, alpha, rng):
        """Sets self.A ~ N(0, 1/d_in) of shape (r, d_in) and self.B = 0 of shape (d_out, r), scale alpha / r;
        ValueError unless 1 <= r <= min(W.shape)."""
        raise NotImplementedError('your solution here')

    def forward(self, x):
        """y = x W^T + b + scale * (x A^T) B^T for x of shape (n, d_in)."""
        raise NotImplementedError('your solution here')

    def backward(self, x, grad_y):
        """Gradients {"A", "B", "x"} of a loss whose gradient wrt forward(x) is grad_y (n, d_out); W is frozen."""
        raise NotImplementedError('your solution here')

    def merged_weight(self):
        """W + scale * B A: a plain weight with the same outputs as forward."""
        raise NotImplementedError('your solution here')

    def n_trainable(self):
        """Number of trainable parameters, r * (d_in + d_out)."""
        raise NotImplementedError('your solution here')
