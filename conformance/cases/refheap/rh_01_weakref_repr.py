# id: rh_01_weakref_repr
# source: refheap's own case; CPython 3.11 Objects/weakrefobject.c:weakref_repr
# property: a weakref's repr names the referent's type and, for referents with a __name__ (functions,
# classes), the name inside the closing bracket; a dead ref says "dead"
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import weakref
class C:
    pass
def f():
    pass
c = C()
r = weakref.ref(c)
s = str(r)
print(s[:11], s[-1])
print(str(weakref.ref(f))[-5:])
print(str(weakref.ref(C))[-5:])
del c
print(str(r)[-6:])
