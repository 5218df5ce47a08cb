# id: col_09_ordereddict_native
# source: python/cpython:Objects/odictobject.c (PyODictObject, _odictnode, _odict_resize, _odict_add_new_node, _odict_clear_node, odict_sizeof, odict_repr, odict_richcompare, odict_reduce, odict_copy, mutablemapping_update, mutablemapping_add_pairs, OrderedDict_popitem_impl, OrderedDict_move_to_end_impl, odictiter_nextkey, odictiter_iternext, odict_or); Lib/collections/__init__.py (from _collections import OrderedDict); Lib/test/test_ordered_dict.py (CPythonOrderedDictTests)
# property: collections.OrderedDict is _collections.OrderedDict, PyODictObject: 112 bytes + GC head, with
#   an instance __dict__ and weak references; getsizeof = dict's + 8 per fast-node slot (the dict's table size) +
#   32 per node; its views and iterators are odict_keys/odict_values/odict_items and odict_iterator (80
#   bytes); order through move_to_end, popitem both ends, pop, setdefault, copy, clear, |, |=, update's
#   argument kinds; the "mutated during iteration" error; Argument Clinic / METH_NOARGS messages; equality
#   order-sensitive only between OrderedDicts; __reduce__; a subclass's super().__setitem__ keeps order;
#   node keys hold references; gc counts of making, filling, iterating, repr and copy; cycles collected
import gc
import sys
from collections import OrderedDict
import _collections

print(_collections.OrderedDict is OrderedDict, OrderedDict, OrderedDict.__mro__, OrderedDict.__name__)
od = OrderedDict()
print(sys.getsizeof(od), od.__sizeof__(), gc.is_tracked(od), repr(od), len(od))
sizes = []
for i in range(12):
    od[i] = str(i)
    sizes.append(sys.getsizeof(od))
print(sizes)
print(sys.getsizeof(iter(od)), sys.getsizeof(od.keys()), type(iter(od)).__name__, type(reversed(od)).__name__)
print(type(od.keys()).__name__, type(od.values()).__name__, type(od.items()).__name__, type(od.keys()).__mro__)
for i in range(0, 12, 2):
    del od[i]
print(sys.getsizeof(od), list(od), od.keys())

o = OrderedDict.fromkeys('abcde', 0)
o.move_to_end('b')
o.move_to_end('d', last=False)
o.move_to_end('a', False)
print(list(o), list(reversed(o)), o.values(), list(reversed(o.items())))
print(o.popitem(), o.popitem(last=False), o.pop('c'), o.pop('zz', 'dflt'), o.setdefault('q'), o.setdefault('c', 7))
print(o, o.copy(), o.copy() == o, o.copy() is o)
print(dict(o), {**o}, list(dict(o)))
u = OrderedDict([('x', 1)], y=2)
u.update({'z': 3})
u.update([('w', 4)])
u.update(OrderedDict(v=5))
u.update(a=6)
print(u, u | {'b': 7}, {'c': 8} | u)
u |= [('d', 9)]
print(u)

a = OrderedDict([(1, 'a'), (2, 'b')])
b = OrderedDict([(2, 'b'), (1, 'a')])
print(a == b, a != b, a == dict(b), dict(b) == a, a == OrderedDict(a), a != OrderedDict(a))


def err(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


err(lambda: OrderedDict(1, 2))
err(lambda: OrderedDict([1]))
err(lambda: OrderedDict([(1,)]))
err(lambda: OrderedDict([(1, 2, 3)]))
err(lambda: a.update(1, 2))
err(lambda: a.popitem(1, 2))
err(lambda: OrderedDict().popitem())
err(lambda: a.move_to_end())
err(lambda: a.move_to_end('missing'))
err(lambda: OrderedDict().move_to_end('missing'))
err(lambda: a.pop())
err(lambda: a.pop('missing'))
err(lambda: a.pop(key=1, default=None))
err(lambda: a.keys(1))
err(lambda: a.copy(x=1))
err(lambda: a | 1)
it = iter(a)
a[3] = 'c'
err(lambda: next(it))
it = iter(a)
a.move_to_end(2)
err(lambda: next(it))
print(a.__reduce__()[:4], type(a.__reduce__()[4]).__name__, list(a.__reduce__()[4]))
a.note = 'n'
print(a.__reduce__()[:4], a.__dict__)
import weakref
wr = weakref.ref(a)
print(wr() is a, sys.getsizeof(a))


class Logged(OrderedDict):
    def __setitem__(self, key, value):
        print('set', key)
        super().__setitem__(key, value)


lg = Logged([(1, 1)], two=2)
lg[3] = 3
OrderedDict.__setitem__(lg, 4, 4)
print(lg, list(lg), sys.getsizeof(lg), type(lg.copy()).__name__, lg.copy())

key = 'node-' + str(7)
ref = OrderedDict()
before = sys.getrefcount(key)
ref[key] = None
print(sys.getrefcount(key) - before)
del ref[key]
print(sys.getrefcount(key) - before)

gc.collect()
c0 = gc.get_count()[0]
g = OrderedDict()
c1 = gc.get_count()[0]
g = OrderedDict((i, [i]) for i in range(20))
c2 = gc.get_count()[0]
for k, v in g.items():
    pass
c3 = gc.get_count()[0]
r = repr(g)
c4 = gc.get_count()[0]
h = g.copy()
c5 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4)
cyc = OrderedDict()
cyc['self'] = cyc
print(cyc)
del cyc
print(gc.collect())
