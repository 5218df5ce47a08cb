# id: syn_22_starred_displays
# source: python/cpython:Python/compile.c (starunpack_helper, compiler_list, compiler_tuple, compiler_set); Python/ceval.c (LIST_EXTEND, LIST_APPEND, SET_UPDATE, SET_ADD, LIST_TO_TUPLE); Objects/listobject.c (list_extend, list_resize); Lib/reprlib.py (3.12 Repr._join)
# property: PEP 448 starred items in list, tuple and set displays: the items before the first star are built at once, each
#   star extends and each later item is appended, so the list's over-allocation (sys.getsizeof) is CPython's; a tuple is that
#   list converted; sets update/add in CPython's order; `for` over a starred list display keeps it a list; 31+ items start empty
import sys
p = [1, 2]
print(('', *p, ''), [*p], ['a', *p, 'b', *'cd'], {*p, 3} == {3, *p}, (*p,), [*p, *p], (*range(3), 9))
for d in ([*range(5)], [0, *range(5)], [0, 1, 2, 3, *range(2)], [*p, 7, 8, 9, 10], [*range(20), *range(3)], [*()], [0, *()]):
    print(len(d), sys.getsizeof(d))
t = (0, *range(40))
print(len(t), sys.getsizeof(t), type(t).__name__)
big = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, *p]
print(len(big), sys.getsizeof(big))
s = {*range(10), 'x', *'ab'}
print(len(s), sys.getsizeof(s), sorted(map(str, s)))
class Count:
    def __init__(self):
        self.calls = []
    def __iter__(self):
        self.calls.append('iter')
        return iter([5, 6])
c = Count()
def tag(x):
    c.calls.append(x)
    return x
print([tag(1), *c, tag(2)], c.calls)
for x in [*p, 3]:
    print(x, end=' ')
print()
print(''.join(('', *map(str, p), '')), [*[]], (*(),), {*()})
try:
    [*1]
except TypeError as e:
    print(e)
try:
    (*None,)
except TypeError as e:
    print(e)
try:
    {*5}
except TypeError as e:
    print(e)
