import numpy as np

def one_nn_predict(X_train, y_train, X_query):
    """Label of the nearest training row (Euclidean) for each query row; ties go to the lowest index."""
    raise NotImplementedError('your solution here')

def init_mlp(d_in, d_hidden, n_classes, rng):
    """Parameters {"W1" (d_in, d_hidden), "b1", "W2" (d_hidden, n_classes), "b2"}, He-scaled, zero biases."""
    raise NotImplementedError('your solution here')

def mlp_forward(p, X):
    """Logits (n, n_classes) of the one-hidden-layer ReLU network."""
    raise NotImplementedError('your solution here')

def loss_and_grads(p, X, y):
    """Mean softmax cross-entropy for integer labels y, and its gradient for every parameter."""
    raise NotImplementedError('your solution here')

def train_mlp(X, y, d_hidden, n_classes, lr=0.5, steps=500, seed=0):
    """Full-batch gradient descent from init_mlp; returns (params, list of losses per step)."""
    raise NotImplementedError('your solution here')
