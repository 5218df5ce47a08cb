# id: dm_95_strenum
# source: python/cpython:Lib/enum.py (StrEnum, ReprEnum, EnumType.__new__'s __str__/__format__/__repr__
# fix-ups, Enum.__hash__); Objects/typeobject.c (_PyType_Lookup, update_one_slot: str's own slots come before a
# mixin's later in the MRO)
# property: import enum runs to its end; StrEnum members are str subclass instances whose str(), format(),
# hash and == are str's while repr is Enum's; a (str, Enum) mix gets Enum's __str__ and __format__ put back; a
# special method str owns (__hash__, __str__) is taken from str, not from a mixin after it in the MRO
import enum
import sys


class Color(enum.StrEnum):
    RED = enum.auto()
    GREEN = "g"
    BLUE = "bl\xfc"


class Shape(str, enum.Enum):
    SQ = "square"
    CI = "circle"


class Mixin:
    def __hash__(self):
        return 1

    def __str__(self):
        return "Mixin.__str__"

    def greet(self):
        return "hi " + self


class X(str, Mixin):
    pass


class Y(Mixin, str):
    pass


def tn(x):
    return type(x).__name__


print(Color.RED, repr(Color.RED), Color.GREEN == "g", f"{Color.GREEN}", Color("g"), list(Color))
print(Color.RED.upper(), tn(Color.RED.upper()), isinstance(Color.RED, str), "%s" % Color.GREEN, format(Color.GREEN, ">3"))
print(Color.RED.value, Color.RED.name, {Color.GREEN: 1}["g"], hash(Color.GREEN) == hash("g"), Color.BLUE, len(Color.BLUE))
print(tn(Color.RED), Color.RED + "!", tn(Color.RED + "!"), Color("bl\xfc") is Color.BLUE, Color.GREEN in {"g"}, sorted(Color))
print(sys.getsizeof(Color.GREEN) - sys.getsizeof(str.__new__(Color, "g")), Color.GREEN.__dict__ is not None)
print(Shape.SQ, repr(Shape.SQ), str(Shape.CI), f"{Shape.SQ}", Shape("square"), Shape.SQ == "square", Shape.SQ.upper())
print(hash(X("a")) == hash("a"), str(X("a")), X("a").greet(), hash(Y("a")), str(Y("a")), Y("b").greet())
print(X.__str__ is str.__str__, Y.__str__ is Mixin.__str__, Y.__hash__ is Mixin.__hash__)
