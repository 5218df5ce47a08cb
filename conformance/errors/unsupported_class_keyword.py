# bad input: class keyword arguments (metaclass=) are outside the subset
def f(*args, **kwargs):
    return len(args)
class C(object, metaclass=type):
    pass
