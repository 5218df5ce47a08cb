# id: dm_30_generic_alias
# source: python/cpython:Objects/genericaliasobject.c (Py_GenericAlias, ga_repr, ga_repr_item, ga_hash,
# ga_richcompare, ga_getattro, ga_call, ga_mro_entries, ga_instancecheck, _Py_make_parameters);
# Python/bltinmodule.c (builtin___build_class__, update_bases: PEP 560); Lib/test/test_genericalias.py
# property: list[int] (PEP 585) is a types.GenericAlias: 80 bytes with the GC head, tracked, a new one at
# each subscription; __origin__, __args__ (one argument wrapped in a tuple), __parameters__ (no type
# variables: ()), its repr (module.qualname for classes, ... for Ellipsis, () for no arguments), == and
# hash from origin and args, calling it calls the origin, other attributes are the origin's, isinstance and
# issubclass refuse it; as a base it gives its origin through __mro_entries__ and the class keeps
# __orig_bases__
import gc
import sys

g = list[int]
print(g, type(g), sys.getsizeof(g), gc.is_tracked(g), g is list[int], g.__origin__, g.__args__, g.__parameters__)
print(dict[str, list[int]], tuple[int, ...], tuple[()], list[int] == list[int], list[int] != list[str])
print(hash(list[int]) == hash(list[int]), {list[int]: 1}[list[int]], list[int].__unpacked__)
print(g(range(3)), g.__mro_entries__((g,)), g.append, list.__class_getitem__(int), type(list.__dict__['__class_getitem__']).__name__)
for check in (isinstance, issubclass):
    try:
        check(list, list[int])
    except TypeError as e:
        print(e)


class C:
    pass


print(list[C], type[C], set[frozenset[bytes]], dict[str, 'C'])


class L(list[int]):
    pass


print(L.__bases__, L.__orig_bases__, L([1]), '__orig_bases__' in list.__dict__)
before = len(gc.get_objects())
aliases = [list[i] for i in range(10)]
print(len(gc.get_objects()) - before)
del aliases
