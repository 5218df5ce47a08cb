# id: dm_100_genericalias_subclass
# source: python/cpython:Objects/genericaliasobject.c (ga_new, setup_ga, ga_dealloc, ga_getattro, attr_exceptions); Objects/typeobject.c (type_new_get_bases, subtype_dealloc); Lib/_collections_abc.py (_CallableGenericAlias)
# property: types.GenericAlias is an acceptable base type: a class deriving from it makes aliases with the
# alias's 64-byte struct plus the class's words (a managed dict: 96 bytes with the GC head; __slots__ = (): 80),
# tracked from creation; ga_new takes exactly (origin, args) without keywords; a __new__ calling
# super().__new__(cls, origin, args) reaches ga_new; the instance keeps the alias's repr, ==, hash and
# __origin__/__args__/__parameters__, and names outside attr_exceptions are read from the origin
import gc
import sys

GenericAlias = type(list[int])


class Plain(GenericAlias):
    pass


class Slotted(GenericAlias):
    __slots__ = ()


class Callableish(GenericAlias):
    __slots__ = ()

    def __new__(cls, origin, args):
        if not (isinstance(args, tuple) and len(args) == 2):
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        t_args, t_result = args
        if isinstance(t_args, (tuple, list)):
            args = (*t_args, t_result)
        return super().__new__(cls, origin, args)

    def __repr__(self):
        return "C[[" + ", ".join(a.__name__ for a in self.__args__[:-1]) + "], " + self.__args__[-1].__name__ + "]"

    def __reduce__(self):
        return Callableish, (self.__origin__, self.__args__)


p = Plain(list, int)
s = Slotted(dict, (str, int))
print(type(p).__name__, p, s, type(s).__mro__)
print(sys.getsizeof(list[int]), sys.getsizeof(p), sys.getsizeof(s))
print(gc.is_tracked(p), gc.is_tracked(s))
print(p == list[int], s == dict[str, int], hash(p) == hash(list[int]), p != s)
print(p.__origin__, p.__args__, p.__parameters__, s.__class__ is Slotted)
print(isinstance(p, GenericAlias), issubclass(Slotted, GenericAlias))
print(p.__name__, s.__qualname__)  # not in attr_exceptions: the origin's
print(p(), s(a=1))

c = Callableish(tuple, ([int, str], float))
print(c, c.__args__, type(c).__name__, sys.getsizeof(c), gc.is_tracked(c))
print(c.__reduce__())
try:
    Callableish(tuple, int)
except TypeError as e:
    print("TypeError:", e)

g = GenericAlias(list, int)
print(g, type(g) is GenericAlias, g == list[int], GenericAlias(dict, (str, int)))
for args, kw in [((list,), {}), ((list, int, str), {}), ((list, int), {"x": 1}), ((), {})]:
    try:
        GenericAlias(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
    try:
        Plain(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)

print(GenericAlias.__new__(Plain, set, bytes), type(GenericAlias.__new__(Slotted, set, bytes)).__name__)
try:
    s.attr = 1
except AttributeError as e:
    print(type(e).__name__, "(no __dict__ with __slots__ = ())")
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

del p, s, c, g
gc.collect()
before = gc.get_count()[0]
a = Plain(list, int)  # the alias, then the 1-tuple setup_ga packs
b = Slotted(list, (int,))  # the alias only: args is already a tuple
print(gc.get_count()[0] - before)
