RATES = {'US': (500, 1500), 'CA': (1000, 2500), 'MX': (1000, 2500)}
DEFAULT_RATE = (2000, 4000)
FREE_FROM = {'US': 5000}

def fee_after(order):
    """Shipping fee in cents, equal to fee_before (in the tests) for every order, errors included.

    ValueError for None; 0 without items; US orders with total >= 5000 ship free (KeyError if
    total is missing); otherwise RATES[country] (DEFAULT_RATE elsewhere), express if truthy.
    """
    raise NotImplementedError('your solution here')
