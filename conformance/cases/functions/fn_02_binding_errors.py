# id: fn_02_binding_errors
# source: CPython 3.11 Python/ceval.c (initialize_locals: the **kwargs dict, positional arguments, the
# *args tuple, keyword arguments, then too_many_positional, missing_arguments for positional and
# keyword-only parameters, positional_only_passed_as_keyword, "got an unexpected keyword argument",
# "got multiple values for argument"; each message names the function's __qualname__),
# Python/ceval.c (format_kwargs_error for f(**m) with a repeated key or a non-mapping)
# property: parameters of every kind bind as CPython binds them, and each bad call raises CPython's
# TypeError with its exact wording
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())


def g(x, y, /, z=0):
    return x, y, z


def h(*, only):
    return only


class C:
    def m(self, p, q=1):
        return p, q


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(*[1, 2], **{"c": 3, "z": 9}))
print(f(1, *(2, 3), c=0, **{"w": 1}))
print(g(1, 2), g(1, 2, z=3), h(only=5))
print(C().m(1), C().m(q=2, p=3))

calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(c=1),
    lambda: f(1, a=2, c=1),
    lambda: g(1),
    lambda: g(1, y=2),
    lambda: g(x=1, y=2),
    lambda: g(1, 2, 3, 4),
    lambda: h(1),
    lambda: h(1, only=2),
    lambda: h(),
    lambda: h(only=1, other=2),
    lambda: C().m(),
    lambda: C().m(1, 2, 3),
    lambda: C().m(1, r=2),
    lambda: f(1, **{"c": 1}, **{"c": 2}),
    lambda: f(1, **[1]),
    lambda: (lambda a, b, c: 0)(),
    lambda: (lambda a, b, c, d: 0)(1),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print(e)
