import numpy as np

def gqa_attention(x, Wq, Wk, Wv, Wo, n_heads, n_kv, cache=None):
    """Causal grouped-query attention of the new tokens x (B, T, d). Wq, Wo: (d, d); Wk, Wv: (d, n_kv*d_h).
    Query head h (columns h*d_h of Wq) uses KV head h // (n_heads / n_kv); new tokens sit at positions past..past+T-1.
    cache: None or (K, V), each (B, n_kv, past, d_h). Returns (output (B, T, d), updated cache).
    ValueError unless d % n_heads == 0 and n_heads % n_kv == 0."""
    raise NotImplementedError('your solution here')
