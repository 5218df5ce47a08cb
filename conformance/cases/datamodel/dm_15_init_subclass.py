# id: dm_15_init_subclass
# source: python/cpython:Objects/typeobject.c (type_new_classmethod, type_new_set_names,
# type_new_init_subclass, object_init_subclass); Python/bltinmodule.c (builtin___build_class__: the class
# keywords); PEP 487
# property: class keywords reach the nearest base's __init_subclass__ (an implicit classmethod, run after
# __set_name__ on every attribute, once the class exists); object.__init_subclass__ refuses keywords;
# __set_name__ gets the owner and the name; a failing __set_name__ is wrapped in 3.11's RuntimeError;
# refcounts and gc counts of the classes made
import gc
import sys

log = []


class Field:
    def __set_name__(self, owner, name):
        log.append(('set_name', owner.__name__, name))
        self.name = name


class Plugin:
    registry = []

    def __init_subclass__(cls, /, kind='plain', **kw):
        log.append(('init_subclass', cls.__name__, kind, sorted(kw)))
        super().__init_subclass__(**kw)
        cls.kind = kind
        Plugin.registry.append(cls)


print(type(Plugin.__dict__['__init_subclass__']).__name__, log)


class Csv(Plugin, kind='csv'):
    a = Field()
    b = Field()


print(log, Csv.kind, Csv().a.name, Csv.b.name, [c.__name__ for c in Plugin.registry])
del log[:]


class Json(Csv):
    c = Field()


print(log, Json.kind)
del log[:]

try:
    class Bad(Plugin, kind='x', extra=1):
        pass
except TypeError as e:
    print('TypeError:', e, log)
del log[:]

try:
    class Plain(color='red'):
        pass
except TypeError as e:
    print('TypeError:', e)

try:
    Plugin.__init_subclass__.__func__
    object.__init_subclass__()
    Field.__init_subclass__(1)
except TypeError as e:
    print('TypeError:', e)


class Broken:
    def __set_name__(self, owner, name):
        raise ValueError('no ' + name)


try:
    class Holder:
        x = Broken()
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__), e.__context__ is e.__cause__)
except ValueError as e:
    print('ValueError (3.12+):', e)

print(sys.getrefcount(Csv), sys.getrefcount(Json), gc.is_tracked(Csv), sys.getsizeof(Csv) == sys.getsizeof(Json))
Plugin.registry.clear()


class Base0:
    pass


class Prior(Base0):  # Base0 has a subclass already, as Plugin has
    pass


# what PEP 487 adds to a class statement, net of the class itself (the two statements differ only in the
# keyword, the __init_subclass__ call and the __set_name__ call)
gc.collect()
c0 = gc.get_count()[0]


class Same(Base0):
    d = Field()


plain = gc.get_count()[0] - c0
gc.collect()
c0 = gc.get_count()[0]


class Xml(Plugin, kind='xml'):
    d = Field()


print(gc.get_count()[0] - c0 - plain, sys.getrefcount(Xml), log)
