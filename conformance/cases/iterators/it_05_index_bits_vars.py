# id: it_05_index_bits_vars
# source: python/cpython:Objects/tupleobject.c (tuple_index_impl); Objects/listobject.c (list_index_impl); Python/ceval.c (_PyEval_SliceIndexNotNone); Objects/longobject.c (int_bit_length_impl, int_bit_count_impl); Python/bltinmodule.c (builtin_vars)
# property: tuple.index / list.index with start and stop (negative, huge, clamped), their errors;
#   int.bit_length and int.bit_count (3.10+) on small, big, negative ints and bools; vars() of the module,
#   vars(obj) as obj.__dict__ (the same dict object), its TypeError; results are the cached small ints
import sys

t = (1, 2, 3, 2, 1)
print(t.index(2), t.index(2, 2), t.index(1, -1), t.index(2, -4, 10 ** 30), t.index(3, -(10 ** 30)), t.count(2))
print([5, 6, 5].index(5, 1), [5, 6, 5].index(6, -2, -1))
for call in (lambda: t.index(9), lambda: t.index(3, 3), lambda: t.index(), lambda: t.index(1, 2, 3, 4),
             lambda: t.index(1, "a"), lambda: [1].index(1, 0, None), lambda: [3].index(4), lambda: [1].index(x=1),
             lambda: (1).bit_length(2)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
zero = 0
print(t.index(1) is zero, t.index(3) is t.index(3))
big = 2 ** 100 - 1
print((0).bit_length(), (1).bit_length(), (-1).bit_length(), (255).bit_length(), (256).bit_length(), big.bit_length(),
      (-big).bit_length(), (2 ** 30).bit_length(), True.bit_length(), False.bit_length())
print((0).bit_count(), (255).bit_count(), (-255).bit_count(), big.bit_count(), (2 ** 90 + 3).bit_count(), True.bit_count())
print(vars() is globals(), vars(sys) is sys.__dict__, "t" in vars())


class C:
    k = 1

    def __init__(self):
        self.a = 1


c = C()
d = vars(c)
d["b"] = 2
print(d, c.b, vars(c) is d, "k" in vars(C))
for o in (1, "s", [], None):
    try:
        vars(o)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    vars(c, c)
except TypeError as e:
    print(type(e).__name__, e)
