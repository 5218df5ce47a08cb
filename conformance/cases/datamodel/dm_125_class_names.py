# id: dm_125_class_names
# source: python/cpython:Objects/typeobject.c (type_set_name, type_set_qualname, check_set_special_type_attr, object_repr with type_module and type_qualname, type_repr), Objects/exceptions.c (ImportError_init: the name= and path= keywords, "|$OO:ImportError")
# property: a class's __name__ and __qualname__ are its own fields (never entries of its dict) with CPython's errors; an instance's repr names the class's current __module__ and __qualname__; ImportError takes name= and path=
class C:
    class Inner:
        pass


def bare(o):
    return repr(o).split(' at ')[0]


print(bare(C()), bare(C.Inner()), repr(C), repr(C.Inner))
C.__name__ = 'Renamed'
print(C.__name__, C.__qualname__, '__name__' in C.__dict__, repr(C))
C.__qualname__ = 'Outer.Q'
print(C.__qualname__, '__qualname__' in C.__dict__, repr(C), bare(C()))
for value in (3, None):
    try:
        C.__qualname__ = value
    except TypeError as e:
        print('TypeError:', e)
    try:
        C.__name__ = value
    except TypeError as e:
        print('TypeError:', e)
for attr in ('__name__', '__qualname__'):
    try:
        delattr(C, attr)
    except TypeError as e:
        print('TypeError:', e)
try:
    int.__name__ = 'x'
except TypeError as e:
    print('TypeError:', e)

D = type('D', (), {'__module__': 'pkg.mod'})
print(bare(D()), repr(D))
D.__module__ = 'other'
print(bare(D()), repr(D))
D.__module__ = 7
print(bare(D()), repr(D))
D.__module__ = 'builtins'
print(bare(D()), repr(D))

e = ImportError('no module', name='pkg', path='/x/pkg.py')
print(e.args, e.msg, e.name, e.path, str(e))
e = ModuleNotFoundError('m', name='m')
print(e.name, e.path)


class MyImportError(ImportError):
    pass


print(MyImportError('q', path='p').path, MyImportError('q').name)
for kw in ({'foo': 1}, {'name': 'a', 'other': 2}):
    try:
        ImportError('m', **kw)
    except TypeError as e:
        print('TypeError:', e)
try:
    ValueError('v', name='x')
except TypeError as e:
    print('TypeError:', e)
