import numpy as np

def layer_norm(x, gamma, beta, eps=1e-05):
    """Normalise the last axis to mean 0 and variance 1, then scale by gamma and shift by beta."""
    raise NotImplementedError('your solution here')

def gelu(x):
    """GELU, tanh approximation."""
    raise NotImplementedError('your solution here')

def init_layer(d, d_ff, rng):
    """Parameter dict: Wq, Wk, Wv, Wo (d, d); bq, bk, bv, bo (d,); W1 (d, d_ff), b1; W2 (d_ff, d), b2;
    LayerNorm ln1_g, ln1_b, ln2_g, ln2_b (d,). Weights random, biases 0, gains 1."""
    raise NotImplementedError('your solution here')

def self_attention(x, p, n_heads, causal=True):
    """Multi-head self-attention of x (B, T, d): q, k, v = x W{q,k,v} + b{q,k,v} from p, split into n_heads heads
    of d / n_heads, softmax(q k^T / sqrt(d_h)) v (future keys masked if causal), merged, then W_o + b_o.
    Returns (B, T, d); ValueError if d % n_heads."""
    raise NotImplementedError('your solution here')

def transformer_layer(x, p, n_heads, causal=True):
    """Pre-LN block on x (B, T, d): h = x + attn(LN1(x)); return h + FFN(LN2(h))."""
    raise NotImplementedError('your solution here')
