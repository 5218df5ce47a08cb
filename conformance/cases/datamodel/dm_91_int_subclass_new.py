# id: dm_91_int_subclass_new
# source: python/cpython:Objects/typeobject.c (type_call, slot_tp_new, tp_new_wrapper, super_getattro,
# object_init); Objects/longobject.c (long_new_impl, long_subtype_new); Lib/enum.py (EnumType.__new__,
# _proto_member.__set_name__: int.__new__(enum_class, value), _value_/_name_, ReprEnum's __str__/__format__)
# property: a class deriving from int builds its instances through int.__new__ however it is reached
# (type_call with no __new__, super().__new__(cls, ...) and int.__new__(cls, ...) from the class's own
# __new__, C.__new__), then runs the class's __init__ with the call's arguments (int has no __init__:
# object_init lets them pass); attributes set in __new__ land in the instance dict; the members of an
# enum-like class made the way Lib/enum.py makes IntEnum's, with int's __repr__ and __format__ as the
# class's __str__ and __format__
import gc
import sys


class P(int):
    def __new__(cls, v, tag="t"):
        self = super().__new__(cls, v * 2)
        self.tag = tag
        return self

    def __init__(self, v, tag="t"):
        self.init = v


p = P(5, tag="x")
print(p, p.tag, p.init, type(p).__name__, sys.getsizeof(p) - sys.getsizeof(10), gc.is_tracked(p))


class Q(int):
    def __new__(cls, v):
        return int.__new__(cls, v + 1)


print(Q(1), type(Q(1)).__name__, Q.__new__(Q, 7), P.__new__(P, 2), type(P.__new__(P, 2)).__name__)


class R(int):
    def __init__(self, *a):
        print("init", a)


print(R("42"), R(-3) * 2)
I2 = type("I2", (int,), {"__doc__": "made by type()"})
print(I2(8) + 0, I2.__doc__, I2.__mro__[1].__name__)
try:
    R(1, 2, 3)
except TypeError as e:
    print("TypeError", e)


class Base(int):
    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)


Color = type("Color", (Base,), {})
Color._value2member_map_ = {}
for name, value in (("RED", 1), ("GREEN", 2), ("BLUE", 4)):
    member = int.__new__(Color, value)
    member._name_ = name
    member._value_ = value
    Color._value2member_map_.setdefault(value, member)
    setattr(Color, name, member)
Color.__str__ = int.__repr__
Color.__format__ = int.__format__
print(repr(Color.GREEN), str(Color.RED), "%s %d" % (Color.RED, Color.BLUE), "{}|{:>3}".format(Color.GREEN, Color.BLUE))
print(Color._value2member_map_[2] is Color.GREEN, Color.RED | Color.BLUE, Color.BLUE in {4}, sorted(Color._value2member_map_))
print(sorted([Color.BLUE, Color.RED]), Color.RED.__dict__ == {"_name_": "RED", "_value_": 1}, hash(Color.BLUE) == 4)
gc.collect()
before = gc.get_count()[0]
del Color
print(gc.collect())
