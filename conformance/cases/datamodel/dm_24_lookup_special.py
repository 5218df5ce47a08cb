# id: dm_24_lookup_special
# source: python/cpython:Objects/abstract.c (PyNumber_Divmod, binary_op1); Objects/typeobject.c (slotdefs:
# __divmod__/__rdivmod__ -> nb_divmod); Modules/mathmodule.c (math_floor, math_ceil, math_trunc);
# Python/bltinmodule.c (builtin_round_impl); Objects/enumobject.c (reversed_new_impl);
# Objects/bytesobject.c (bytes_new_impl); Python/sysmodule.c (_PySys_GetSizeOf)
# property: special methods the built-ins find with _PyObject_LookupSpecial: divmod through nb_divmod with
# the reflected form; math.floor/ceil/trunc, round with and without ndigits, reversed (None: not
# reversible; the sequence protocol otherwise), bytes() and its result check, sys.getsizeof adding the
# GC header and (3.11+) the managed-dict pre-header to __sizeof__, and its default on a TypeError;
# floor/ceil fall back to __float__, trunc does not
import math, sys
class M:
    def __init__(self, v): self.v = v
    def __divmod__(self, o): return ('dm', self.v, o)
    def __rdivmod__(self, o): return ('rdm', o, self.v)
    def __trunc__(self): return 7
    def __floor__(self): return 'fl'
    def __ceil__(self): return 'ce'
    def __round__(self, n=None): return ('round', n)
    def __reversed__(self): return iter([3, 2, 1])
    def __bytes__(self): return b'xy'
    def __sizeof__(self): return 40
print(divmod(M(1), 5), divmod(5, M(2)), divmod(7, 2), divmod(-7.5, 2), divmod(True, 2))
print(math.trunc(M(0)), math.floor(M(0)), math.ceil(M(0)), round(M(0)), round(M(0), 2))
print(list(reversed(M(0))), bytes(M(0)), sys.getsizeof(M(0)))
class F:
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()))
try: math.trunc(F())
except TypeError as e: print(e)
try: divmod('a', 1)
except TypeError as e: print(e)
try: divmod(1, 0)
except ZeroDivisionError as e: print(e)
class N:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try: reversed(N())
except TypeError as e: print(e)
class S:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(S())))
try: round(object())
except TypeError as e: print(e)
class B:
    def __bytes__(self): return 'no'
try: bytes(B())
except TypeError as e: print(e)
class Slots:
    __slots__ = ()
    def __sizeof__(self): return 100
class L(list):
    def __sizeof__(self): return 100
print(sys.getsizeof(Slots()), sys.getsizeof(L()))
class Neg:
    def __sizeof__(self): return -1
try: sys.getsizeof(Neg())
except ValueError as e: print(e)
class Txt:
    def __sizeof__(self): return "x"
try: sys.getsizeof(Txt())
except TypeError as e: print(e)
print(sys.getsizeof(Txt(), 7))
class Huge:
    def __sizeof__(self): return 2**70
try: sys.getsizeof(Huge())
except OverflowError as e: print(e)
