import numpy as np

def sigmoid(z):
    """Overflow-free logistic function."""
    raise NotImplementedError('your solution here')

def objective(w, b, X, y, l2):
    """Mean log loss plus (l2 / 2) * |w|^2; the bias is not penalised."""
    raise NotImplementedError('your solution here')

def gradient(w, b, X, y, l2):
    """Gradient (dw, db) of objective."""
    raise NotImplementedError('your solution here')

def fit_sgd(X, y, lr=0.1, l2=0.0, batch_size=32, max_epochs=200, X_val=None, y_val=None, patience=5, tol=0.0001, seed=0):
    """Mini-batch SGD on objective from w = 0, b = 0, reshuffling every epoch. With validation data, records the
    unregularised validation log loss per epoch, stops once it has not beaten the best by tol for patience
    epochs, and returns the best epoch's weights. Returns (w, b, info), info = {"val_loss": [...] (empty
    without validation data), "best_epoch", "stopped_early"}; ValueError on empty input or labels not 0/1."""
    raise NotImplementedError('your solution here')
