# id: dm_31_union_type
# source: python/cpython:Objects/unionobject.c (make_union, _Py_union_type_or, is_unionable, get_types,
# merge, is_same, union_repr, union_repr_item, union_hash, union_richcompare, union_getattro,
# union_parameters); Objects/typeobject.c (type_or); Objects/genericaliasobject.c (ga_as_number);
# Lib/test/test_types.py (UnionTests)
# property: int | str (PEP 604) is a types.UnionType: 48 bytes with the GC head, tracked, a new one per |;
# members flattened from union operands and de-duplicated (classes by identity, aliases by ==) in order,
# None stored as NoneType and written None; a | that adds nothing gives its left operand itself (int | int
# is int); | between a type and a non-type is the usual unsupported-operand TypeError both ways; __args__,
# __parameters__, __module__; == ignores order, hash is frozenset(args)'s; the type refuses subclassing,
# instances and weak references
import gc
import sys
import weakref

u = int | str
print(type(u), type(u).__name__, type(u).__module__, u.__module__)
print(sys.getsizeof(u), gc.is_tracked(u), u is not (int | str))
print(u, int | None, None | int, int | str | int, float | u, u | (str | bytes))
print(u.__args__, (int | None).__args__, (int | None).__args__[1] is type(None), u.__parameters__)
print(int | int, int | int is int, type(u | int) is type(u), (u | int) is u, (u | str | int) is u)
print(u == (str | int), u != (str | int), u == (int | float), u == int, u == (int,))
print(hash(u) == hash(str | int), hash(u) == hash(frozenset([int, str])))
print(len({int | str, str | int, int | float}))


class A:
    pass


class M(type):
    pass


class B(metaclass=M):
    pass


print(A | int, A | None | A, B | A, type(B | A))
print(list[int] | None, None | dict[str, A], list[int] | list[int], type(list[int] | list[int]))
print((list[int] | list[int]).__args__ if hasattr(list[int] | list[int], '__args__') else 'alias')
print((int | list[int]).__args__, list[int] | list[str], (list[int] | int) == (int | list[int]))
print(sys.getsizeof(int | list[int]), gc.is_tracked(int | list[int]))
for bad in (lambda: int | 1, lambda: 1 | int, lambda: int | "str", lambda: None | None,
            lambda: u | 2, lambda: list[int] | 3, lambda: A() | int):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    u.foo
except AttributeError as e:
    print('AttributeError:', e)
try:
    class X(type(u)):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    type(u)()
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.ref(u)
except TypeError as e:
    print('TypeError:', e)
before = len(gc.get_objects())
us = [int | str for i in range(10)]
print(len(gc.get_objects()) - before)
del us
