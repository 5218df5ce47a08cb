# id: dm_120_reduce_copy
# source: python/cpython:Objects/typeobject.c (object___reduce_ex___impl, object___reduce___impl, _common_reduce, reduce_newobj, _PyObject_GetNewArguments, object_getstate, object_getstate_default, _PyType_GetSlotNames, _PyObject_GetItemsIter); Lib/copyreg.py (__newobj__, __newobj_ex__, _slotnames); Lib/copy.py (copy, deepcopy, _reconstruct)
# property: object.__reduce_ex__(2+) of class instances: (copyreg.__newobj__, (cls, *__getnewargs__()), state, listitems,
#   dictitems) with state None, the instance __dict__ or (dict-or-None, {slot: value}), __getnewargs_ex__ keywords through
#   __newobj_ex__, a class's __reduce__ or __getstate__ winning, the class caching __slotnames__; its argument errors;
#   copy.copy / copy.deepcopy of plain, slotted, list-subclass, dict-subclass, namedtuple and __setstate__
#   instances built on it (a namedtuple class keeps its repr once copyreg caches __slotnames__ on it)
import copy
import copyreg
import gc
from collections import namedtuple


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = [y]


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


p = P(1, 2)
rv = p.__reduce_ex__(2)
print(rv[0] is copyreg.__newobj__, rv[1] == (P,), rv[2:], len(rv))
print(object.__reduce_ex__(p, 4)[2])
show(lambda: (P(1, 2).__getstate__(), object().__getstate__()))
e = P(0, 0)
del e.x, e.y
print(e.__reduce_ex__(3)[2])
show(lambda: e.__getstate__())
q = copy.copy(p)
print(type(q) is P, q.x, q.y is p.y, q.__dict__ == p.__dict__)
r = copy.deepcopy(p)
print(r.x, r.y, r.y is p.y, gc.is_tracked(r))


class S:
    __slots__ = ('a', 'b')


s = S()
s.a = 5
print('__slotnames__' in S.__dict__, s.__reduce_ex__(2)[2], S.__dict__.get('__slotnames__'))
t = copy.copy(s)
print(t.a, hasattr(t, 'b'))


class SD(S):
    __slots__ = ('c',)
    pass


class SW(SD):
    pass


w = SW()
w.a, w.c, w.z = 1, 3, 9
print(w.__reduce_ex__(2)[2], SW.__slotnames__, copy.deepcopy(w).__reduce_ex__(2)[2])


class L(list):
    pass


l = L([1, [2]])
l.z = 3
m = copy.deepcopy(l)
print(m, m.z, type(m).__name__, m[1] is l[1])
rv = l.__reduce_ex__(2)
print(rv[1] == (L,), rv[2], list(rv[3]), rv[4])


class D(dict):
    pass


dd = D(a=1)
print(sorted(copy.copy(dd).items()), type(copy.copy(dd)).__name__, list(dd.__reduce_ex__(2)[4]))


class N:
    def __new__(cls, *a):
        o = object.__new__(cls)
        o.args = a
        return o

    def __getnewargs__(self):
        return (1, 2)


n = N()
print(n.__reduce_ex__(2)[1][1:], copy.copy(n).args)


class K:
    def __new__(cls, *a, **k):
        o = object.__new__(cls)
        o.k = k
        return o

    def __getnewargs_ex__(self):
        return ((), {'kw': 1})


rv = K().__reduce_ex__(2)
print(rv[0] is copyreg.__newobj_ex__, rv[1][1:], copy.copy(K()).k)


class G:
    def __getstate__(self):
        return {'g': 1}

    def __setstate__(self, st):
        self.st = st


print(G().__reduce_ex__(2)[2], copy.copy(G()).st, copy.deepcopy(G()).st)


class R:
    def __reduce__(self):
        return (R, ())


print(R().__reduce_ex__(2), type(copy.copy(R())).__name__)


class BadArgs:
    def __getnewargs__(self):
        return [1]


class BadEx:
    def __getnewargs_ex__(self):
        return ((), [])


Pt = namedtuple('Pt', 'x y')
pt = Pt(1, [2])
print(pt.__reduce_ex__(2)[1:3], pt.__reduce_ex__(4)[1:3], Pt.__dict__.get('__slotnames__'))
c, dc = copy.copy(pt), copy.deepcopy(pt)
print(c, type(dc).__name__, c.y is pt.y, dc.y is pt.y, dc == pt)

show(lambda: BadArgs().__reduce_ex__(2))
show(lambda: BadEx().__reduce_ex__(2))
show(lambda: p.__reduce_ex__())
show(lambda: p.__reduce_ex__('2'))
show(lambda: object.__reduce_ex__())
show(lambda: p.__getstate__(1))
