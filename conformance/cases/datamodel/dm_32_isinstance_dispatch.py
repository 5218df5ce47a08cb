# id: dm_32_isinstance_dispatch
# source: python/cpython:Objects/abstract.c (object_recursive_isinstance, object_isinstance,
# object_issubclass, recursive_issubclass, check_class); Objects/unionobject.c (_Py_union_args; 3.10:
# union_instancecheck, union_subclasscheck); Objects/genericaliasobject.c (ga_instancecheck,
# ga_subclasscheck)
# property: isinstance/issubclass with a second argument that is no class: a union stands for its members
# (3.11+: as a tuple, so an alias after a matching member is never reached; 3.10 refuses any alias member),
# tuples nest, anything else is asked through type(cls).__instancecheck__ / __subclasscheck__ (found on the
# type, not the instance; the result's truth counts; errors pass through), and without one the errors
# name "a type, a tuple of types, or a union" / "a class, a tuple of classes, or a union"
class Checker:
    def __init__(self, answer):
        self.answer = answer
        self.seen = []

    def __instancecheck__(self, obj):
        self.seen.append(('inst', obj))
        return self.answer

    def __subclasscheck__(self, cls):
        self.seen.append(('sub', cls.__name__))
        return self.answer


class Boom:
    def __instancecheck__(self, obj):
        raise KeyError('boom')


class OnlyInstance:
    pass


yes, no = Checker([1]), Checker(0)
print(isinstance(3, yes), isinstance(3, no), issubclass(int, yes), issubclass(int, no), yes.seen, no.seen)
print(isinstance(3, (str, (no, yes))), no.seen[-1], yes.seen[-1])
print(isinstance('s', int | str), isinstance(None, int | None), isinstance(2.5, int | str))
print(issubclass(bool, int | str), issubclass(float, int | None), issubclass(type(None), str | None))
print(isinstance(3, (float, int | str)), issubclass(bool, (float, str | int)))
oi = OnlyInstance()
oi.__instancecheck__ = lambda obj: True
tests = [
    lambda: isinstance(1, int | list[int]),
    lambda: isinstance('x', int | list[int]),
    lambda: issubclass(int, int | list[int]),
    lambda: issubclass(str, int | list[int]),
    lambda: isinstance(1, list[int]),
    lambda: issubclass(list, list[int]),
    lambda: isinstance(1, 3),
    lambda: isinstance(1, oi),
    lambda: issubclass(int, 3),
    lambda: issubclass(3, int),
    lambda: issubclass(3, int | str),
    lambda: issubclass(int, (3,)),
    lambda: isinstance(1, Boom()),
]
for t in tests:
    try:
        print(t())
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
