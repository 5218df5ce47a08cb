# id: exc_01_control_flow
# source: CPython 3.11 Python/compile.c (compiler_try_except, compiler_try_finally, compiler_unwind_fblock,
# compiler_with, compiler_assert), Python/ceval.c (do_raise, RERAISE, PUSH_EXC_INFO/POP_EXCEPT);
# Lib/test/test_exceptions.py, Lib/test/test_grammar.py:GrammarTests.test_try / test_with
# property: try/except (several clauses, tuples, as), else, finally, raise/raise from/bare raise,
# return/break/continue through finally and with, context managers with suppression, assert,
# sys.exc_info inside and outside handlers, and the messages of the built-in exceptions
from __future__ import print_function
import sys


class AppError(Exception):
    pass


class Detail(AppError):
    def __init__(self, code, why):
        self.code = code
        self.why = why


def check(x):
    if x > 2:
        raise Detail(x, "too big")
    if x < 0:
        raise AppError("negative", x)
    return x


for v in (1, 5, -1):
    try:
        r = check(v)
    except Detail as e:
        print("detail", e.code, e.why, e.args, type(e).__name__, isinstance(e, AppError))
    except AppError as e:
        print("app", e, repr(e), e.args)
    else:
        print("ok", r)
    finally:
        print("finally", v)

for expr in ("1/0", "[][1]", "{}['k']", "int('x')", "None.foo", "undefined_name", "'a' + 1"):
    try:
        if expr == "1/0":
            1 / 0
        elif expr == "[][1]":
            [][1]
        elif expr == "{}['k']":
            {}['k']
        elif expr == "int('x')":
            int('x')
        elif expr == "None.foo":
            None.foo
        elif expr == "undefined_name":
            undefined_name
        else:
            'a' + 1
    except (ZeroDivisionError, LookupError) as e:
        print("lookup/arith:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)


def ret_in_finally():
    try:
        return "body"
    finally:
        print("finally runs before the return")


print(ret_in_finally())


def finally_overrides():
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 2:
                break
            print("loop", i)
        finally:
            print("cleanup", i)
    return i


print(finally_overrides())


def reraise():
    try:
        raise ValueError("first")
    except ValueError:
        print("handling", sys.exc_info()[0].__name__, sys.exc_info()[1])
        raise


try:
    reraise()
except ValueError as e:
    print("reraised", e)

print(sys.exc_info())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    raise RuntimeError("outer") from ValueError("cause")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)

try:
    raise 42
except TypeError as e:
    print(e)

try:
    raise
except RuntimeError as e:
    print(e)


class Manager(object):
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress


with Manager("a", False) as n:
    print("inside", n)

with Manager("b", True):
    raise ValueError("swallowed")
print("after b")

try:
    with Manager("c", False), Manager("d", False):
        raise KeyError("passes through")
except KeyError as e:
    print("caught", e)


def ret_in_with():
    with Manager("e", False):
        return "from with"


print(ret_in_with())

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert []
except AssertionError as e:
    print("bare assert:", repr(e))

try:
    try:
        raise ValueError("in try")
    finally:
        print("finally sees the exception go by")
except ValueError as e:
    print("then caught", e)

try:
    try:
        raise ValueError("lost")
    finally:
        raise TypeError("replaces")
except TypeError as e:
    print(e, repr(e.__context__))
