# id: dm_71_exception_bases
# source: python/cpython:Objects/typeobject.c (best_base, solid_base, extra_ivars); Lib/_pydecimal.py (DivisionByZero)
# property: a class with two exception bases is made when their solid bases agree (ArithmeticError and
# ZeroDivisionError both share BaseException's struct; KeyError's and OSError's are related), and refused
# with "multiple bases have instance lay-out conflict" when they do not; instances keep the size and
# tracking of one-base exception subclasses and are caught through either base
import gc
import sys


class DecimalException(ArithmeticError):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


print(DivisionByZero.__mro__)
e = DivisionByZero("x")
print(repr(e), sys.getsizeof(e), gc.is_tracked(e), isinstance(e, ZeroDivisionError))
try:
    raise e
except ZeroDivisionError as z:
    print("caught", z)


class KO(KeyError, OSError):
    pass


print(KO.__mro__, sys.getsizeof(KO()) == sys.getsizeof(OSError()) + sys.getsizeof(DecimalException()) - sys.getsizeof(ArithmeticError()))


class S(ValueError, LookupError):
    pass


print(S.__mro__, sys.getsizeof(S(1)))
try:
    class L(list, dict):
        pass
except TypeError as t:
    print(t)
try:
    class U(UnicodeError, OSError):
        pass
except TypeError as t:
    print(t)
