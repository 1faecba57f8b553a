import numpy as np

def softmax(x, axis=-1):
    """Stable softmax along axis; -inf entries get 0, and a row that is all -inf gets all zeros."""
    raise NotImplementedError('your solution here')

def causal_mask(T):
    """Boolean (T, T) mask, True where query i may attend key j (j <= i)."""
    raise NotImplementedError('your solution here')

def multi_head_attention(x, Wq, Wk, Wv, Wo, n_heads, mask=None):
    """Self-attention of x (B, T, d) with (d, d) weights; mask broadcastable to (B, h, T, T),
    True = attend. Returns (output (B, T, d), weights (B, h, T, T))."""
    raise NotImplementedError('your solution here')
