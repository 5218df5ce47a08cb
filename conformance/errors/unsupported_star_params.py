# bad input: *args parameters are outside the subset
def f(*args):
    return len(args)
print(f(1, 2))
