# id: dm_16_type3_class_getitem
# source: python/cpython:Objects/typeobject.c (type_new, type_new_set_module, type_new_set_names,
# type_new_init_subclass, type_new_classmethod); Objects/abstract.c (PyObject_GetItem: __class_getitem__);
# Lib/dataclasses.py and Lib/typing.py use both
# property: type(name, bases, dict, **kw) makes the class a class statement makes (__module__ from the
# caller, __set_name__, __init_subclass__ with the keywords, the namespace order type_new leaves);
# C[key] calls the implicit classmethod __class_getitem__; the errors, sizes, tracking and refcounts
import gc
import sys

log = []


class Tag:
    def __set_name__(self, owner, name):
        log.append((owner.__name__, name))


class Base:
    def __init_subclass__(cls, **kw):
        log.append(('init_subclass', cls.__name__, sorted(kw.items())))


def meth(self):
    return 'meth of ' + type(self).__name__


X = type('X', (Base,), {'a': 1, 'm': meth, 't': Tag()}, flavour='plain')
print(X.__name__, X.__qualname__, X.__module__, list(X.__dict__), X.__bases__ == (Base,), log)
print(X().m(), X.a, type(X) is type, gc.is_tracked(X), sys.getrefcount(X))
del log[:]

Y = type('Y', (), {})
print(Y.__bases__, list(Y.__dict__), sys.getsizeof(Y) == sys.getsizeof(X), Y().__class__ is Y)

for args in [('A', (), {}, 1), ('A', 1, {}), ('A', ()), ('A', (), []), (1, (), {})]:
    try:
        type(*args)
    except TypeError as e:
        print('TypeError:', e)


class Box:
    def __class_getitem__(cls, item):
        log.append(('class_getitem', cls.__name__, item))
        return '%s[%s]' % (cls.__name__, getattr(item, '__name__', item))


class IntBox(Box):
    pass


print(type(Box.__dict__['__class_getitem__']).__name__, Box[int], IntBox['k'], log)
try:
    Y[int]
except TypeError as e:
    print('TypeError:', e)


class NoneGetitem:
    __class_getitem__ = None


try:
    NoneGetitem[0]
except TypeError as e:
    print('TypeError:', e)



class Plain:
    def __class_getitem__(cls, item):
        return item


gc.collect()
c0 = gc.get_count()[0]
r1 = Plain[1]  # one call: the bound method made and dropped (a second call differs: docs/conformance.md)
print(gc.get_count()[0] - c0, r1, sys.getrefcount(Plain))
