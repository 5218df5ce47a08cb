# id: set_02_algebra
# source: python/cpython:Objects/setobject.c (set_or, set_and, set_sub, set_xor and their in-place forms, set_intersection, set_difference, set_symmetric_difference_update, set_issubset, set_richcompare, set_repr, frozenset_hash, set_pop); Lib/test/test_set.py
# property: the set algebra builds its results in CPython's order (copy-then-update, iterate the smaller set, difference by copy when the other is small), so result order, repr and sizes match; frozenset's hash; pop's search finger
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
a = {1, 2, 3, 4, 40, 400}
b = {3, 4, 5, 6, 600}
print(a | b, a & b, a - b, a ^ b, b - a, b ^ a)
print(a.union([7, 8], (9,)), a.intersection(range(4)), a.difference([1], [2]), a.symmetric_difference([1, 10]))
print(a <= b, {3} <= b, {3} < b, b > {3}, b >= b, a == {400, 40, 4, 3, 2, 1}, a != b)
print({1}.issubset(a), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint([7]))
c = a.copy()
c |= {99}
c &= {1, 99, 2, 400}
c -= {2}
c ^= {5, 1}
print(c, sys.getsizeof(c))
c.update(range(30, 40), [1000])
print(c, sys.getsizeof(c))
c.intersection_update(range(35))
c.difference_update([30, 31])
c.symmetric_difference_update({32, 50})
print(c, sys.getsizeof(c))
f = frozenset([3, 1, 2])
print(f, frozenset(), repr(frozenset({1})), f | {9}, {9} | f, f & {1, 9})
print(hash(f) == hash(frozenset({1, 2, 3})), hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset([-1, 10**6])))
print(f == {1, 2, 3}, {f: 1}[frozenset([1, 2, 3])], f.copy() is f, frozenset(f) is f)
p = set(range(10))
order = []
while p:
    order.append(p.pop())
print(order)
q = {(1, 2), (3, 4), (1, 2)}
print(q, len(q), (1, 2) in q, (2, 1) in q, None in {None, True, 1.5}, 1 in {True})
e = {1, 2}
try_ok = 1
e.discard(3)
print(e, sorted({9, 2, 7}), sorted({9, 2, 7}, reverse=True), len({x % 4 for x in range(100)}))
print({x * 3 for x in range(12) if x % 2})
