# id: col_01_deque_ops
# source: python/cpython:Modules/_collectionsmodule.c (deque_append, deque_appendleft, deque_pop, deque_popleft, deque_extend, deque_extendleft, _deque_rotate, deque_clear, deque_count, deque_index, deque_insert, deque_remove, deque_reverse, deque_copy, deque_item, deque_ass_item, deque_repr, deque_richcompare, deque_contains, dequeiter_next, dequereviter_next); python/cpython:Lib/test/test_deque.py
# property: what every deque operation leaves in the deque, maxlen trimming the other end, rotation both ways across
# blocks, indexing and assignment, repr with and without maxlen (and of a deque inside itself), comparisons, `in`,
# forward and reversed iteration, and the errors of each with CPython's wording
from collections import deque
import _collections
d = deque()
print(d, len(d), bool(d), d.maxlen, _collections.deque is deque)
d.append(1); d.appendleft(0); d.extend([2, 3]); d.extendleft("ba")
print(d, d.pop(), d.popleft(), d)
d = deque(range(200))
d.rotate(70); print(d[0], d[-1], d[100], len(d))
d.rotate(-75); print(d[0], d[-1], d[199])
d.rotate(1000003); print(d[0], d[-1])
d.reverse(); print(d[0], d[1], d[-1], list(d)[:3] == [d[0], d[1], d[2]])
d = deque("abcdef", maxlen=4)
print(d, d.maxlen)
d.append("x"); d.appendleft("y"); print(d)
d.extend("12345"); print(d)
d.extendleft("pq"); print(d)
print(deque([1, 2], 0), deque(maxlen=3), deque(iterable="ab"))
d = deque([1, 2, 3, 2, 1])
print(d.count(2), d.index(2), d.index(2, 2), d.index(1, -2), 3 in d, 9 in d)
d.insert(1, "i"); d.insert(-1, "j"); d.insert(100, "k"); d.insert(-100, "l"); print(d)
d.remove(2); print(d)
d[0] = "first"; d[-1] = "last"; del d[2]; print(d)
c = d.copy(); c.append("c"); print(d == c, len(c), c[-1], type(c).__name__)
c.clear(); print(c, len(c))
d = deque([1, 2, 3])
d += [4, 5]; print(d, list(reversed(d)), [x for x in d])
d.append(d); print(d)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1, 0]),
      deque([2]) > deque([1, 5]), deque() != deque([]), deque([1]) == [1])
big = deque(range(300))
print(sum(big), big.count(299), big[150], big[-150])
tests = [
    ("deque().pop()", lambda: deque().pop()), ("deque().popleft()", lambda: deque().popleft()),
    ("deque([1]).index(5)", lambda: deque([1]).index(5)), ("deque([1]).remove(5)", lambda: deque([1]).remove(5)),
    ("deque([], -1)", lambda: deque([], -1)), ("deque(1)", lambda: deque(1)), ("deque([], 'a')", lambda: deque([], 'a')),
    ("deque([1])[5]", lambda: deque([1])[5]), ("deque([1])['a']", lambda: deque([1])['a']),
    ("deque([1], 1).insert(0, 2)", lambda: deque([1], 1).insert(0, 2)), ("hash(deque())", lambda: hash(deque())),
    ("rotate(1, 2)", lambda: deque().rotate(1, 2)), ("rotate('a')", lambda: deque().rotate('a')),
    ("count()", lambda: deque().count()), ("deque([], 2, 3)", lambda: deque([], 2, 3)),
    ("deque(x=1)", lambda: deque(x=1)), ("append()", lambda: deque().append()), ("index()", lambda: deque().index()),
    ("pop(1)", lambda: deque().pop(1)), ("append(x=1)", lambda: deque().append(x=1)),
    ("insert(1)", lambda: deque().insert(1)), ("deque() < [1]", lambda: deque() < [1]),
]
def delitem(i):
    e = deque([1])
    del e[i]
tests.append(("del deque([1])[1]", lambda: delitem(1)))
tests.append(("del deque([1])[-2]", lambda: delitem(-2)))
for text, f in tests:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "!!", type(e).__name__, e)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print(type(e).__name__, e, len(d))
