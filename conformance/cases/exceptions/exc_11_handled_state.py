# id: exc_11_handled_state
# source: 2.7 Python/ceval.c set_exc_info / reset_exc_info (the exception caught stays the handled one until its frame returns, fails or yields: fast_yield), the unwinding of a SETUP_EXCEPT / SETUP_WITH / SETUP_FINALLY block (a finally block is given no handled exception), do_raise (bare raise); 2.7 Python/sysmodule.c sys_exc_info, sys_exc_clear; 3.11 Python/ceval.c PUSH_EXC_INFO / POP_EXCEPT (the handled exception ends with its clause), Python/compile.c compiler_try_except (`except E as e` unbinds e), Objects/exceptions.c (__traceback__, __context__)
# property: how long a caught exception stays the handled one and what it keeps alive: sys.exc_info() after the clause, after the function returns, in a callee, after a generator's yield, in a finally block and in __exit__; a bare raise after the clause; the `as` name after the clause; the exception's and its traceback's lifetime (a __del__ on the exception's argument, a traceback stored in a local collected as a cycle); its reference count while handled; sys.exc_type/exc_value/exc_traceback and sys.exc_clear (2.x); __traceback__ and __context__ (3.x only). Portable: every profile runs it and prints its own version's answers
from __future__ import print_function
import sys, gc


def name(t):
    return t.__name__ if t is not None else None


def show(tag):
    t, v, tb = sys.exc_info()
    print(tag, name(t), repr(v), tb is not None)


def sys_names():
    return [k for k in sorted(vars(sys)) if k.startswith('exc_')]


print("sys names at start:", sys_names())


def after_clause():
    try:
        raise KeyError("a")
    except KeyError:
        show("  in clause")
        print("  sys names in clause:", sys_names())
    show("  after clause")


after_clause()
show("after the call")
print("sys names after the call:", sys_names())

try:
    raise ValueError("m")
except ValueError:
    pass
show("module level after the clause")


def callee():
    show("  callee sees")
    try:
        raise IndexError("c")
    except IndexError:
        pass
    show("  callee after its clause")


try:
    raise LookupError("outer")
except LookupError:
    callee()
    show("caller after the callee")


def bare():
    try:
        raise TypeError("t")
    except TypeError:
        pass
    raise


try:
    bare()
except Exception as e:
    print("bare raise after the clause:", type(e).__name__, e)


def name_after():
    try:
        raise ValueError("n")
    except ValueError as e:
        pass
    try:
        return repr(e)
    except NameError as ne:
        return type(ne).__name__


print("the name after the clause:", name_after())


def in_finally():
    try:
        try:
            raise KeyError("f")
        finally:
            show("  finally")
    except KeyError:
        show("  except after finally")


in_finally()


class Manager(object):
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("  __exit__ given", name(t), repr(v), tb is not None)
        show("  __exit__ sees")
        return True


def in_with():
    with Manager():
        raise IndexError("w")
    show("  after with")


in_with()


def gen():
    try:
        raise ValueError("g")
    except ValueError:
        show("  generator before yield")
        yield 1
        show("  generator resumed")
    yield 2


it = gen()
next(it)
show("after the generator yielded")
next(it)


class Witness(object):
    def __del__(self):
        print("  the exception's argument freed")


def lifetime():
    try:
        raise ValueError(Witness())
    except ValueError:
        print("  in clause")
    print("  after clause")


lifetime()
print("after the call")


def refs():
    try:
        raise ValueError("r")
    except ValueError as e:
        kept = e
        inside = sys.getrefcount(kept)
    return inside, sys.getrefcount(kept)


print("refcounts in and after the clause:", refs())


def stores_tb():
    try:
        raise KeyError("tb")
    except KeyError:
        tb = sys.exc_info()[2]
    return tb is not None


gc.collect()
stores_tb()
print("a traceback kept in a local: collected", gc.collect())


def chained():
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")


try:
    chained()
except KeyError as e:
    print("__context__:", repr(getattr(e, '__context__', 'absent')), "__traceback__:", hasattr(e, '__traceback__'))

if hasattr(sys, 'exc_clear'):
    try:
        raise ValueError("to clear")
    except ValueError:
        pass
    show("before exc_clear")
    sys.exc_clear()
    show("after exc_clear")
    print("sys.exc_type/exc_value:", sys.exc_type, sys.exc_value, sys.exc_traceback)
else:
    print("no sys.exc_clear")
show("end")
