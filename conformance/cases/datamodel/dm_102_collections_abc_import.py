# id: dm_102_collections_abc_import
# source: python/cpython:Lib/_collections_abc.py (_CallableGenericAlias, Sequence.register(memoryview)); Objects/memoryobject.c (PyMemoryView_Type, memoryview_impl)
# property: `import collections.abc` runs Lib's _collections_abc to its end: its _CallableGenericAlias
# (a GenericAlias subclass) makes Callable[[int, str], float] through super().__new__, with the alias's
# size and its own repr; memoryview is a built-in type registered as a Sequence, not subclassable, and
# memoryview() checks its argument ("a bytes-like object is required")
import collections.abc
import gc
import sys

print(memoryview, memoryview.__name__, issubclass(memoryview, collections.abc.Sequence))
print(issubclass(list, collections.abc.MutableSequence), isinstance({}, collections.abc.Mapping),
      isinstance(iter([]), collections.abc.Iterator))
c = collections.abc.Callable[[int, str], float]
print(c, type(c).__name__, type(c).__mro__[1:], c.__args__, c.__origin__)
print(sys.getsizeof(c), gc.is_tracked(c))
e = collections.abc.Callable[..., int]
print(e, e.__args__)
print(c == collections.abc.Callable[[int, str], float], hash(c) == hash(collections.abc.Callable[[int, str], float]))
for bad in ([int], int):
    try:
        collections.abc.Callable[bad]
    except TypeError as ex:
        print("TypeError:", ex)
for args in ((), (1,), ("s",), (b"", 1)):
    try:
        memoryview(*args)
    except TypeError as ex:
        print("TypeError:", ex)
try:
    class M(memoryview):
        pass
except TypeError as ex:
    print("TypeError:", ex)
