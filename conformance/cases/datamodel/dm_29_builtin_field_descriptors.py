# id: dm_29_builtin_field_descriptors
# source: python/cpython:Objects/descrobject.c (PyDescr_NewGetSet, PyDescr_NewMember, getset_get,
# member_get, descr_check, getset_repr, member_repr, descr_members, descr_getset); Objects/funcobject.c
# (func_getsetlist, func_memberlist); Lib/types.py (GetSetDescriptorType, MemberDescriptorType)
# property: a built-in type's fields read from the type are its getset_descriptor (function.__code__) and
# member_descriptor (function.__globals__, __closure__): 64 bytes with the GC head, tracked, the same
# object at every read and in the type's __dict__; __get__ on an instance reads the field, on another
# type's instance it is a TypeError; repr "<attribute ...>" / "<member ...>", __name__, __qualname__,
# __objclass__; a class's own __dict__/__weakref__ getsets and __slots__ members answer the same way
import gc
import sys


def f(a=1):
    return a


F = type(f)
code, glob = F.__code__, F.__globals__
print(type(code).__name__, code, type(glob).__name__, glob, F.__closure__, F.__builtins__)
print(sys.getsizeof(code), gc.is_tracked(code), code is F.__code__, F.__dict__['__globals__'] is glob)
print(code.__get__(f) is f.__code__, glob.__get__(f) is globals(), F.__defaults__.__get__(f), F.__closure__.__get__(f))
print(code.__name__, code.__qualname__, code.__objclass__ is F, glob.__name__, glob.__qualname__)
print(sorted(k for k in F.__dict__ if k in ('__code__', '__globals__', '__closure__', '__builtins__', '__defaults__')))
try:
    code.__get__(1)
except TypeError as e:
    print(e)
print(code.__get__(None, F) is code)


class C:
    __slots__ = ('x',)


class D:
    pass


print(C.x, C.x.__name__, C.x.__objclass__ is C, D.__dict__['__dict__'], D.__dict__['__weakref__'].__qualname__)
