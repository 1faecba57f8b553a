import numpy as np

def softmax(logits):
    """Probabilities from logits; -inf entries get exactly 0."""
    raise NotImplementedError('your solution here')

def top_k_filter(logits, k):
    """Logits with all but the k largest set to -inf (ties: lower index kept); k >= V keeps all."""
    raise NotImplementedError('your solution here')

def top_p_filter(logits, p):
    """Keep the smallest set of most likely tokens whose probability reaches p (crossing token included)."""
    raise NotImplementedError('your solution here')

def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    """One token id: greedy if temperature == 0, else temperature, then top-k, then top-p, then sample."""
    raise NotImplementedError('your solution here')

def beam_search(next_logprobs, bos, eos, beam_width, max_len):
    """Best (sequence, summed log-prob) from bos; next_logprobs(prefix tuple) -> (V,) log-probs. Each step keeps
    the beam_width best extensions; those ending in eos are finished and leave the beam. Stops after max_len
    steps, when no live beam is left, or once the best finished score >= the best live score."""
    raise NotImplementedError('your solution here')
