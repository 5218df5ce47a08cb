# id: syn_31_match_sequences
# source: python/cpython:Python/compile.c (compiler_pattern_sequence, pattern_helper_sequence_unpack, pattern_helper_sequence_subscr); Python/ceval.c (MATCH_SEQUENCE, GET_LEN, UNPACK_EX); Objects/listobject.c (list_extend, list_resize)
# property: sequence patterns match list, tuple, range and deque (also their subclasses) but never str, bytes, bytearray, dict or
#   iterators; the length is checked first (exact, or at least the fixed items with a star); `*rest` is a new list whose size
#   (sys.getsizeof) is the over-allocated list PySequence_List leaves; `*_` reads items by index instead (negative from len)
import sys
from collections import deque

def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one %r" % (a,)
        case [a, b]:
            return "two %r %r" % (a, b)
        case [first, *rest]:
            return "first %r rest %r" % (first, rest)
        case _:
            return "not a sequence"

class L(list):
    pass

for v in [[], [1], (1, 2), [1, 2, 3], range(4), deque([5, 6, 7]), L([8, 9]), "ab", "abc", b"ab", bytearray(b"ab"), {1: 2}, (i for i in [1]), 7]:
    print(type(v).__name__, seq(v))

match [1, 2, 3, 4, 5]:
    case [a, *mid, b]:
        print(a, mid, b, type(mid).__name__, sys.getsizeof(mid))
for n in range(0, 12):
    match list(range(n)):
        case [*r]:
            print(n, len(r), sys.getsizeof(r))
match (1, 2, 3):
    case (*r, last):
        print(r, last, sys.getsizeof(r))

class Idx(list):
    def __getitem__(self, i):
        print("getitem", i)
        return list.__getitem__(self, i)
match Idx([10, 20, 30, 40]):
    case [a, *_, b, c]:
        print("subscr", a, b, c)
match Idx([10, 20]):
    case [a, b]:
        print("unpack", a, b)

match [1, [2, [3, 4]]]:
    case [1, [2, [x, *y]]]:
        print("nested", x, y)
match [1, 2]:
    case [1, 2, *_]:
        print("star wildcard at end")
match (1,):
    case [*_]:
        print("any sequence")
match [0, 1, 2]:
    case (0, 1, 2) | [9]:
        print("tuple pattern matches a list")
