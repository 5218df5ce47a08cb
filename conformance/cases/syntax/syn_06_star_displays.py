# id: syn_06_star_displays
# source: python/cpython:Python/compile.c (starunpack_helper: BUILD_LIST/BUILD_SET of the items before the first star, LIST_EXTEND/SET_UPDATE, LIST_APPEND/SET_ADD, LIST_TO_TUPLE; more than STACK_USE_GUIDELINE items built from empty); Python/ceval.c (LIST_EXTEND: "Value after * must be an iterable")
# property: PEP 448 unpacking in tuple, list and set displays: values, types, sizes (a list grown by extend
#   over-allocates as CPython's does, a 32-item display is built by appends), GC tracking, error messages
import sys, gc
a = [1, 2]
t = (*a, 3)
print(t, type(t).__name__, sys.getsizeof(t), gc.is_tracked(t), gc.is_tracked((*"ab", *"c")))
l = [0, *a, *range(3), 9]
print(l, sys.getsizeof(l))
s = {*a, 5}
print(sorted(s), type(s).__name__, sys.getsizeof(s))
print((*"ab",), [*{}], {*()})
u = *a, *a
print(u)
x = 1
big = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
print(len(big), sys.getsizeof(big))
bl = [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]
print(len(bl), sys.getsizeof(bl))
bl2 = [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]
print(len(bl2), sys.getsizeof(bl2))
l2 = [x, *a]
print(sys.getsizeof(l2), sys.getsizeof([*a]), sys.getsizeof([x, x, *a, x]))
try:
    [*1]
except TypeError as e:
    print(e)
try:
    (*None, 1)
except TypeError as e:
    print(e)
try:
    {*3}
except TypeError as e:
    print(e)
def gen():
    yield 1
    yield 2
print([*gen(), *gen()])
