# id: dm_126_super_object_slots
# source: python/cpython:Objects/typeobject.c (super_getattro: the MRO after the start type, ending at object's tp_dict; add_operators: list.__repr__ and the other slot wrappers made once into the type's dict; type_new's update_bases is Python/bltinmodule.c builtin___build_class__ with PEP 560's __mro_entries__), Lib/pprint.py (_dispatch keyed by list.__repr__), Lib/test/test_super.py
# property: super() reaches object's __setattr__/__delattr__/__getattribute__ at the end of the MRO; a callable's __call__ is a method-wrapper (keywords go on to the callable); a built-in type's special method read from the type is the same object each time (a dict key); a base that is no class is replaced by its __mro_entries__(bases) and the class keeps __orig_bases__
class Tracked:
    def __setattr__(self, name, value):
        print('set', name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)

    def __getattribute__(self, name):
        if name == 'hidden':
            return 'intercepted'
        return super().__getattribute__(name)


class Child(Tracked):
    pass


c = Child()
c.x = 1
print(c.x, c.hidden)
del c.x
print(hasattr(c, 'x'))
try:
    super(Tracked, c).__setattr__()
except TypeError as e:
    print('TypeError')

print(list.__repr__ is list.__repr__, dict.__repr__ is dict.__repr__, list.__len__ is list.__len__)
dispatch = {list.__repr__: 'list', dict.__repr__: 'dict', tuple.__repr__: 'tuple'}
for obj in ([1], {2: 3}, (4,), 'str'):
    print(dispatch.get(type(obj).__repr__, 'other'))


class Sub(list):
    pass


print(Sub.__repr__ is list.__repr__, type(list.__repr__).__name__, list.__repr__([1, 2]))


class Proxy:
    def __init__(self, *bases):
        self.bases = bases

    def __mro_entries__(self, bases):
        print('entries of', len(bases), 'bases')
        return self.bases


class Base:
    def hello(self):
        return 'hello from Base'


class Mixin:
    pass


class Made(Proxy(Base, Mixin)):
    pass


print([k.__name__ for k in Made.__mro__], Made().hello(), type(Made.__orig_bases__[0]).__name__)
print('__orig_bases__' in Base.__dict__)

call = all.__call__
print(type(call).__name__, call([1, 2]), call([0]), repr(call).split(' at ')[0])
print(sorted.__call__([3, 1, 2], reverse=True), dict.__call__(a=1), Base().hello.__call__(), Made.__call__().hello())
try:
    len.__call__([1], x=2)
except TypeError as e:
    print('TypeError:', e)
