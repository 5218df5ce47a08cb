# id: dm_08_arith
# source: refheap's own case; CPython 3.11 Objects/abstract.c:binary_op1 (the right operand's slot
# first when its type is a proper subtype; NotImplemented passes the turn; "unsupported operand type(s)"),
# binary_iop1 (__iadd__ first, then __add__/__radd__), PyNumber_Negative & co., PyNumber_Index,
# Objects/typeobject.c:SLOT1BINFULL (slot_nb_add ... calling __radd__ of the other operand), slot_nb_index,
# slot_nb_int, slot_nb_float
# property: arithmetic operators of workload classes, reflected and in-place forms, unary operators,
# __index__ (list indexing, range), int() and float() behave as CPython's
from __future__ import print_function, division


class N(object):
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "N(%r)" % (self.v,)

    def __add__(self, o):
        if isinstance(o, N):
            return N(self.v + o.v)
        if isinstance(o, int):
            return N(self.v + o)
        return NotImplemented

    def __radd__(self, o):
        print("radd", o)
        return N(o + self.v)

    def __sub__(self, o):
        return N(self.v - o.v)

    def __mul__(self, o):
        return N(self.v * o)

    def __rmul__(self, o):
        return N(o * self.v * 100)

    def __truediv__(self, o):
        return N(self.v / o)

    def __floordiv__(self, o):
        return N(self.v // o)

    def __mod__(self, o):
        return N(self.v % o)

    def __pow__(self, o):
        return N(self.v ** o)

    def __lshift__(self, o):
        return N(self.v << o)

    def __and__(self, o):
        return N(self.v & o)

    def __or__(self, o):
        return N(self.v | o)

    def __xor__(self, o):
        return N(self.v ^ o)

    def __neg__(self):
        return N(-self.v)

    def __pos__(self):
        return "pos"

    def __abs__(self):
        return N(abs(self.v))

    def __invert__(self):
        return N(~self.v)


class Acc(N):
    def __iadd__(self, o):
        self.v += o
        return self

    def __radd__(self, o):
        print("Acc.radd", o)
        return Acc(o * 1000)


class Idx(object):
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


class Num(object):
    def __int__(self):
        return 7

    def __float__(self):
        return 2.5


a = N(3)
print(a + N(4), a + 1, 1 + a, a - N(1), a * 2, 2 * a, a / 2, a // 2, a % 2, a ** 2)
print(a << 2, a & 1, a | 4, a ^ 1, -a, +a, abs(N(-5)), ~a)
print(N(1) + Acc(2))
b = Acc(1)
c = b
b += 5
print(b is c, b)
t = N(1)
t += 2
print(t, sum([N(1), N(2)]), sum([N(1)], N(10)))
lst = [10, 20, 30, 40]
print(lst[Idx(2)], lst[Idx(-1)], list(range(Idx(3))), "ab" * Idx(2), [1] * Idx(2))
print(int(Num()), float(Num()), int(Idx(9)), float(Idx(4)))
