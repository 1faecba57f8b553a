import numpy as np

class Linear:
    """y = x W^T + b like torch.nn.Linear; backward() adds to W_grad and b_grad until zero_grad()."""

    def __init__(self, d_in, d_out, rng):
        """W (d_out, d_in) and b (d_out,) drawn from U(-1/sqrt(d_in), 1/sqrt(d_in)); gradients zero."""
        raise NotImplementedError('your solution here')

    def forward(self, x):
        """Outputs (n, d_out) for x (n, d_in); remembers x for backward."""
        raise NotImplementedError('your solution here')

    def backward(self, grad_y):
        """Accumulate dL/dW and dL/db from grad_y (n, d_out); return dL/dx (n, d_in)."""
        raise NotImplementedError('your solution here')

    def zero_grad(self):
        """Reset accumulated gradients to zero (optimizer.zero_grad())."""
        raise NotImplementedError('your solution here')

def mse_loss(pred, target):
    """(mean squared error, its gradient with respect to pred), as nn.MSELoss with mean reduction."""
    raise NotImplementedError('your solution here')

def train(model, X, Y, lr, epochs, batch_size, rng):
    """Mini-batch SGD in PyTorch order (zero_grad, forward, loss, backward, step); mean loss per epoch."""
    raise NotImplementedError('your solution here')
