# id: mod_60_weakref_native
# source: python/cpython:Modules/_weakref.c (_weakref_getweakrefcount_impl, _weakref_getweakrefs, _weakref__remove_dead_weakref_impl, is_dead_weakref); Objects/weakrefobject.c (weakref___new__, parse_weakref_init_args); Lib/_weakrefset.py (WeakSet)
# property: the native _weakref module: ref is ReferenceType (the weakref type: 80 bytes, tracked, isinstance works, the
#   callback-less ref shared with refheap's own weakref.ref), getweakrefcount/getweakrefs, _remove_dead_weakref deleting
#   only a dead ref's entry, 3.11's argument errors; Lib's _weakrefset.WeakSet over it dropping members as they die
import gc
import sys
import _weakref
import weakref


class A:
    pass


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(_weakref.ref, _weakref.ReferenceType is _weakref.ref, _weakref.ref.__name__)
a = A()
r = _weakref.ref(a)
print(r() is a, type(r) is _weakref.ref, isinstance(r, _weakref.ref), sys.getsizeof(r), gc.is_tracked(r))
print(weakref.ref(a) is r, _weakref.ref(a) is r, _weakref.getweakrefcount(a))
log = []
r2 = _weakref.ref(a, lambda w: log.append(w is r2))
print(r2 is r, r2.__callback__ is not None, _weakref.getweakrefcount(a), _weakref.getweakrefs(a) == [r, r2])
del a
print(r(), r2(), log, _weakref.getweakrefcount(A()))
b = A()
d = {'dead': _weakref.ref(A()), 'live': _weakref.ref(b), 'other': 1}
print(_weakref._remove_dead_weakref(d, 'dead'), _weakref._remove_dead_weakref(d, 'live'),
      _weakref._remove_dead_weakref(d, 'missing'), sorted(d))
show(lambda: _weakref._remove_dead_weakref(d, 'other'))
show(lambda: _weakref._remove_dead_weakref([], 'x'))
show(lambda: _weakref._remove_dead_weakref(d))
show(lambda: _weakref.ref())
show(lambda: _weakref.ref(b, None, 3))
show(lambda: _weakref.ref(b, callback=None))
show(lambda: _weakref.ref(1))
show(lambda: _weakref.getweakrefcount())
show(lambda: _weakref.getweakrefs(b, b))
print(_weakref.getweakrefcount(1), _weakref.getweakrefs(1))

from _weakrefset import WeakSet
s = WeakSet()
items = [A() for i in range(4)]
for x in items:
    s.add(x)
print(len(s), items[0] in s, A() in s)
del items[1:3]
print(len(s), sorted(id(x) for x in s) == sorted(id(x) for x in items))
s.discard(items[0])
print(len(s), items[1] in s)
t = WeakSet(items) | WeakSet([b])
print(len(t), b in t, isinstance(t, WeakSet))
del b
print(len(t))
