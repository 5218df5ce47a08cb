# id: dm_17_metaclass
# source: python/cpython:Python/bltinmodule.c (builtin___build_class__: the metaclass keyword, __prepare__,
# meta(name, bases, ns, **kw)); Objects/typeobject.c (_PyType_CalculateMetaclass, type_new, type_call,
# type_init, type_getattro's meta_attribute, type.__sizeof__, subtype_dealloc of a class)
# property: a class statement with a metaclass written in Python runs its __prepare__, __new__ (reaching
# type.__new__ through super()), __init__ and, for instances, __call__ (reaching type.__call__); the
# metaclass is inherited by subclasses; the metaclass's methods and attributes are seen from its classes,
# bound to them; type(C) and isinstance(C, M); sizes of the metaclass and of its classes, refcounts of
# the metaclass (each class holds one), gc tracking, and gc counts of a metaclass's call and class
# statement net of 3-argument type()
import gc
import sys

log = []


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(('prepare', mcls.__name__, name, len(bases), sorted(kw)))
        return {'injected': 42}

    def __new__(mcls, name, bases, ns, **kw):
        log.append(('new', name, sorted(ns), sorted(kw)))
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = 'made by ' + mcls.__name__
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(('init', name, sorted(kw)))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        log.append(('call', cls.__name__, args, sorted(kw)))
        inst = super().__call__(*args, **kw)
        inst.called = True
        return inst

    def describe(cls):
        return 'class %s, %s' % (cls.__name__, cls.tag)

    kind = 'meta attribute'


class Base(metaclass=Meta, flavour='x'):
    def __init__(self, v=0):
        self.v = v

    def which(self):
        return __class__


print(log)
del log[:]


class Derived(Base):
    pass


print(log)
del log[:]
d = Derived(5, )
print(log, d.v, d.called, d.which() is Base)
print(type(Base) is Meta, type(Derived) is Meta, isinstance(Derived, Meta), isinstance(Base, type),
      issubclass(Meta, type), Base.__class__ is Meta)
print(Base.injected, Derived.tag, Derived.describe(), Base.kind, Meta.kind)
print(type(Base.describe).__name__, Base.describe.__self__ is Base, Derived.__mro__)
Base.kind = 'own'
print(Base.kind, Derived.kind, Meta.kind)


class Plain(type):
    pass


class Q(metaclass=Plain):
    x = 1


print(type(Q).__name__, Q.x, Q().__class__.__name__, repr(Q), Plain.__mro__)
print(sys.getsizeof(Meta), sys.getsizeof(Plain), sys.getsizeof(Q), sys.getsizeof(Base) == sys.getsizeof(Derived))
print(gc.is_tracked(Q), gc.is_tracked(Plain), sys.getrefcount(Plain), sys.getrefcount(Meta))
T = Plain('T', (), {'y': 2})
print(type(T).__name__, T.y, T.__module__, sys.getrefcount(Plain))
del T
gc.collect()
print(sys.getrefcount(Plain))

# net of 3-argument type(): a metaclass's call, and a class statement naming a metaclass, over a base that
# has a subclass already (CPython's tp_subclasses bookkeeping of a first subclass is not modelled)
class Root:
    pass


class Prior(Root):
    pass


ns = {'f': 1, '__module__': '__main__'}
gc.collect()
c0 = gc.get_count()[0]
T1 = type('T1', (Root,), ns)
plain = gc.get_count()[0] - c0
gc.collect()
c0 = gc.get_count()[0]
T2 = Plain('T2', (Root,), ns)
called = gc.get_count()[0] - c0 - plain
gc.collect()
c0 = gc.get_count()[0]


class T3(Root, metaclass=Plain):
    f = 1


print(called, gc.get_count()[0] - c0 - plain, sys.getrefcount(Plain))
del log[:]


def function_meta(name, bases, ns, **kw):
    log.append(('function_meta', name, len(bases), sorted(k for k in ns if not k.startswith('__')), kw))
    return 7


class W(metaclass=function_meta, a=1):
    q = 1


print(W, log)
