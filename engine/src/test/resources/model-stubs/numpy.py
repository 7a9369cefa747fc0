# TEST DOUBLE: cifar10.py imports numpy; the fake data below never needs it
