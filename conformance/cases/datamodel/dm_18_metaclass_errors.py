# id: dm_18_metaclass_errors
# source: python/cpython:Objects/typeobject.c (_PyType_CalculateMetaclass, tp_new_wrapper, type_new,
# type_new_set_classcell, type_init, type_new_slots_impl); Python/bltinmodule.c (builtin___build_class__:
# the __prepare__ result, the __class__ cell check)
# property: CPython's errors of the metaclass machinery: metaclass conflicts (keyword and bases), type.__new__
# given something that is not a subtype of type or the wrong arguments, type.__init__'s argument count,
# a __prepare__ returning a non-mapping, a metaclass whose __new__ drops __classcell__, nonempty __slots__
# in a metaclass; and that the metaclasses and classes of the failed statements are collected
import gc
import sys


class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


for make in (lambda: M2('X', (A,), {}), lambda: type('Y', (A, B), {})):
    try:
        make()
    except TypeError as e:
        print('TypeError:', e)
try:
    class C(A, B):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class D(A, metaclass=M2):
        pass
except TypeError as e:
    print('TypeError:', e)


class M3(M1, M2):
    pass


class E(A, B, metaclass=M3):
    pass


class F(E, metaclass=M1):  # the most derived metaclass (M3) wins over the keyword
    pass


print(type(E).__name__, type(F).__name__, [k.__name__ for k in M3.__mro__])

for args in ((int, 'N', (), {}), (3, 'N', (), {}), (M1, 'N', ()), (M1, 1, (), {})):
    try:
        type.__new__(*args)
    except TypeError as e:
        print('TypeError:', e)
for args, kw in (((), {}), (('a', 'b'), {}), (('a', (), {}), {'x': 1}), (('a',), {'x': 1})):
    try:
        type.__init__(A, *args, **kw)
        print('type.__init__ accepted', len(args), sorted(kw))
    except TypeError as e:
        print('TypeError:', e)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class G(metaclass=BadPrepare):
        pass
except TypeError as e:
    print('TypeError:', e)


class DropsCell(type):
    def __new__(mcls, name, bases, ns):
        ns = dict(ns)
        del ns['__classcell__']
        return super().__new__(mcls, name, bases, ns)


try:
    class H(metaclass=DropsCell):
        def f(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError:', e)

try:
    class Slotted(type):
        __slots__ = ('a',)
except TypeError as e:
    print('TypeError:', e)


class EmptySlots(type):
    __slots__ = ()


print(sys.getsizeof(EmptySlots) == sys.getsizeof(M1), gc.collect() > 0, sys.getrefcount(M1), sys.getrefcount(M2))
