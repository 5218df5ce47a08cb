# an uncaught exception raised while handling another: both tracebacks, joined by CPython's
# "During handling of the above exception, another exception occurred:" (Python/pythonrun.c
# print_exception_recursive); exit status 1
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError("no value for %r" % (k,))


print(lookup({"a": 1}, "a"))
lookup({}, "b")
