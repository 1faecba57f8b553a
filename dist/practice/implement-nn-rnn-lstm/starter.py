import numpy as np

def rnn_forward(x, h0, Wx, Wh, b):
    """Vanilla RNN over x (T, B, D) from h0 (B, H); returns all hidden states (T, B, H)."""
    raise NotImplementedError('your solution here')

def rnn_backward(x, h0, Wx, Wh, hs, dhs):
    """BPTT from the forward states hs: gradients {"Wx", "Wh", "b", "h0", "x"} of a loss with dL/dhs = dhs (T, B, H)."""
    raise NotImplementedError('your solution here')

def lstm_forward(x, h0, c0, W, b):
    """LSTM over x (T, B, D): z = [x_t, h_{t-1}] W + b with W (D + H, 4H), b (4H,), column blocks i, f, g, o;
    i, f, o = sigmoid, g = tanh, c = f*c + i*g, h = o*tanh(c). Returns (hs (T, B, H), (h_T, c_T))."""
    raise NotImplementedError('your solution here')
