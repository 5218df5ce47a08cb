# id: syn_36_starred_assignment
# source: python/cpython:Python/compile.c (unpack_helper, assignment_helper: UNPACK_EX before | after << 8);
# Python/ceval.c (UNPACK_EX, unpack_iterable with argcntafter: PySequence_List of the rest);
# Objects/listobject.c (list_extend, list_preallocate_exact); Lib/test/test_unpack_ex.py
# property: `a, *b, c = x` binds the starred name to a new list of the middle items (PEP 3132) from any
# iterable, in `for` targets and nested targets too; the list's allocation is PySequence_List's (the rest
# preallocated, rounded up to even, then shrunk by the items after the star: sys.getsizeof shows it);
# "not enough values to unpack (expected at least 3, got 2)"; the source's items are shared, not copied
import sys

a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
*d, e = 'xyz'
print(d, e)
f, *g = (7,)
print(f, g, type(g).__name__)
h, *i = range(6)
print(h, i)
j, *k, l = (n * n for n in range(5))
print(j, k, l)
for m, *rest in [(1, 2, 3), (4,), 'ab']:
    print(m, rest)
(p, *q), r = [10, 20, 30], 'r'
print(p, q, r)
[s, *t] = {5: 'a'}
print(s, t)

for n in range(8):
    first, *mid = list(range(n + 1))
    *lead, last = tuple(range(n + 1))
    print(n, sys.getsizeof(mid), sys.getsizeof(lead))

obj = object()
src = [obj] * 3
u, *v = src
print(sys.getrefcount(obj), v[0] is obj)
del u, v
print(sys.getrefcount(obj))

for bad in ([1, 2], 5):
    try:
        x, *y, z, w = bad
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
