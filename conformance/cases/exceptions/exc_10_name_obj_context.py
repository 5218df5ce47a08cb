# id: exc_10_name_obj_context
# source: python/cpython:Objects/object.c (set_attribute_error_context, PyObject_GetAttr,
#   _PyObject_GetMethod, _PyObject_LookupAttr); Python/ceval.c (format_exc_check_arg); Objects/exceptions.c
#   (AttributeError_members, NameError_members); Lib/test/test_exceptions.py (NameErrorTests,
#   AttributeErrorTests)
# property: a failed attribute lookup gives the AttributeError its name and the object (obj), a failed
#   global or builtin lookup gives the NameError its name; the exception then keeps the object alive (its
#   refcount counts the exception's reference, a weak reference to it lives until the exception goes);
#   getattr with a default and hasattr augment nothing; an exception raised by hand has None for both and
#   they can be set and deleted; a subclass raised from __getattr__ is augmented once; UnboundLocalError
#   keeps None
import sys
import weakref


class Thing:
    pass


class Lazy:
    def __getattr__(self, name):
        raise MyError("lazy " + name)


class MyError(AttributeError):
    pass


t = Thing()
base = sys.getrefcount(t)
try:
    t.missing
except AttributeError as e:
    print(e.name, e.obj is t, sys.getrefcount(t) - base)
    kept = e
print(sys.getrefcount(t) - base)
r = weakref.ref(t)
del t
print("alive through the exception:", r() is not None)
del kept
print("alive after it went:", r() is not None)

try:
    undefined_name_here
except NameError as e:
    print(type(e).__name__, e.name)
try:
    len_ = lenn
except NameError as e:
    print(e.name)


def unbound():
    x += 1


try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e.name)

o = Thing()
print(getattr(o, "nope", "default"), hasattr(o, "nope"))
try:
    getattr(o, "nope")
except AttributeError as e:
    print(e.name, e.obj is o)
try:
    o.method_call()
except AttributeError as e:
    print(e.name, e.obj is o)

e = AttributeError("by hand")
print(e.name, e.obj)
e.name = "x"
e.obj = 5
print(e.name, e.obj)
del e.name
print(e.name)

try:
    Lazy().thing
except MyError as e:
    print(type(e).__name__, e, e.name, type(e.obj).__name__)

try:
    sys.no_such_attribute
except AttributeError as e:
    print(e.name, e.obj is sys)
try:
    Thing.nothing
except AttributeError as e:
    print(e, e.name, e.obj is Thing)
try:
    [].nothing
except AttributeError as e:
    print(e.name, e.obj)
