import numpy as np

def top_p_filter(logits, p):
    """Keep the smallest set of most likely tokens whose probability reaches p (within 1e-9; the crossing token
    included, ties by lower id); the rest become -inf. ValueError unless 0 < p <= 1."""
    raise NotImplementedError('your solution here')

def generate(next_logits, prompt, max_new_tokens, rng, p=0.9, temperature=1.0, eos=None):
    """Prompt plus up to max_new_tokens tokens: each from top_p_filter(logits / temperature, p), renormalised and
    sampled with rng (argmax if temperature == 0); stops after appending eos. ValueError on an empty prompt."""
    raise NotImplementedError('your solution here')
