# Python 2 syntax for exc_12_py2_syntax (imported only under a 2.x interpreter or profile): 2.7's
# `raise type, value[, traceback]` and `except type, name`.
from __future__ import print_function
import sys


def attempt(*args):
    try:
        if len(args) == 1:
            raise args[0]
        elif len(args) == 2:
            raise args[0], args[1]
        else:
            raise args[0], args[1], args[2]
    except Exception, e:
        print(" ", type(e).__name__, repr(e), e.args)


def run():
    attempt(ValueError)
    attempt(ValueError, "a message")
    attempt(ValueError, ("two", 2))
    attempt(ValueError, None)
    attempt(KeyError, KeyError(5))
    attempt(LookupError, KeyError(6))
    attempt((ValueError, KeyError), "first of a tuple")
    attempt(ValueError("an instance"))
    attempt(ValueError("an instance"), "and a value")
    attempt(1)
    attempt(ValueError, "x", 5)

    def fails():
        try:
            1 // 0
        except ZeroDivisionError:
            tb = sys.exc_info()[2]
        raise KeyError, "with the old traceback", tb

    try:
        fails()
    except KeyError, e:
        tb = sys.exc_info()[2]
        lines = []
        while tb is not None:
            lines.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("  a given traceback is continued, no entry for the raising frame:", repr(e), lines)
    try:
        raise
    except KeyError, e:
        print("  bare raise:", repr(e))
