# id: arr_01_basics
# source: python/cpython:Modules/arraymodule.c (array_new, getarrayitem, ins1, array_array_pop_impl, array_array_remove, array_array_index_impl, array_array_count, array_array_reverse_impl, array_array_tolist_impl, array_array_fromlist, array_repr, array_richcompare, array_concat, array_repeat, array_subscr, array_ass_subscr); Lib/test/test_array.py
# property: array.array per typecode: construction from lists, tuples, iterables, arrays and str ('u'), item values as each C type stores them, indexing, slicing and slice assignment (simple, extended, deletion), the list-like methods, repr, comparisons, + and *, iteration by an arrayiterator
import array
from array import array as A
print(array.typecodes, array.ArrayType is A, A.__name__ if hasattr(A, '__name__') else '')
for tc in 'bBhHiIlLqQ':
    a = A(tc, [1, 2, 3])
    print(tc, a, a.itemsize, a.typecode, len(a), a[0], a[-1], a.tolist())
print(A('f', [1.5, 0.1, 3]), A('d', (1.5, 0.1, 3)), A('u', 'h\xe9llo'), A('d'), A('u'))
print(A('Q', [2**64 - 1, 2**63]), A('L', [2**64 - 1]), A('q', [-2**63, 2**63 - 1]), A('b', [-128, 127]), A('B', [255]))
print(A('i', range(5)), A('d', A('d', [1, 2])), A('d', A('i', [1, 2])), A('i', iter([7, 8])), A('h', (x * x for x in range(4))))
a = A('i', range(10))
print(a[2:5], a[::2], a[::-1], a[8:2:-2], a[100:], a[-3:])
a[2:5] = A('i', [20, 30])
print(a)
a[1:1] = A('i', [7, 7, 7])
print(a)
a[::3] = A('i', [0] * len(a[::3]))
print(a)
del a[::2]
print(a)
del a[1:3]
print(a)
a[:] = a
print(a)
del a[0]
print(a)
a = A('d', [3, 1, 2, 1])
a.append(5)
a.insert(0, -1)
a.insert(100, 9)
a.insert(-2, 4)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.index(2, 1), a.count(1), a.count(7), 2 in a, 7 in a)
a.reverse()
a.extend([1, 2])
a.extend(A('d', [8]))
a.extend(x / 2 for x in range(3))
a.fromlist([4.5])
a += A('d', [6])
print(a)
a *= 2
print(a, len(a))
print(A('i', [1, 2]) + A('i', [3]), A('i', [1, 2]) * 3, 2 * A('i', [5]), A('i', [1]) * -1, A('i', [1, 2]) * 0)
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1, 2]) < A('i', [1, 3]), A('i', [1, 2]) < A('i', [1, 2, 0]), A('i', [2]) >= A('i', [1, 9]), A('i', [1]) == [1], A('i', [1, 2]) != A('i', [1]))
it = iter(A('b', [4, 5]))
print(type(it).__name__, list(it), list(it), [x for x in A('u', 'ab')])
b = A('i', [5, 6])
print(b.buffer_info()[1], A('u', 'xyz').tounicode(), sum(A('d', [0.5, 0.25])), max(A('B', [3, 9, 2])), sorted(A('h', [3, 1, 2])))
u = A('u', 'ab')
u.fromunicode('cd')
print(u, u[1], u[1:3])
