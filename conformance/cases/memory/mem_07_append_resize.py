# id: mem_07_append_resize
# source: python/cpython:Objects/listobject.c (app1 and list_resize in 2.7-3.10; _PyList_AppendTakeRef in Include/internal/pycore_list.h from 3.11; list_extend's in-place fill), Objects/stringlib/split.h (PREALLOC_SIZE, SPLIT_ADD, FIX_PREALLOC_SIZE), Objects/abstract.c (PyObject_LengthHint) and the iterators' __length_hint__ methods
# property: str.split() and bytes.split() give a list with 12 preallocated slots (3.12+: as many as the text can hold) whatever their length; the first append then keeps the array (3.11+: stored in place) or shrinks it (2.7-3.10: list_resize reallocates an array more than twice the new size); list(iterator) preallocates what the iterator's __length_hint__ says (listiter_len, reversed_len, setiter_len, striter_len, rangeiter_len, dequeiter_len; a generator: 8), fills the array in place and trims it at the end
from __future__ import print_function
import sys

for text in ["a b  c ", "one two three four five six seven", "x", "p q r s t u v w x y z a b c"]:
    parts = text.split()
    before = sys.getsizeof(parts)
    parts.append("new")
    after = sys.getsizeof(parts)
    parts.append("more")
    print(len(parts), before, after, sys.getsizeof(parts))

for blob in [b"1,2,3", b"1,2,3,4,5,6,7,8,9,10,11,12,13,14"]:
    parts = blob.split(b",")
    before = sys.getsizeof(parts)
    parts.append(b"0")
    print(len(parts), before, sys.getsizeof(parts))

limited = "a b c d e f".split(" ", 2)
print(limited, sys.getsizeof(limited))
limited.append("z")
print(sys.getsizeof(limited))

made = list(iter([1, 2, 3]))
print(sys.getsizeof(made))
made.append(4)
print(sys.getsizeof(made))
made = list(x for x in range(5))
print(sys.getsizeof(made))
made.append(5)
print(sys.getsizeof(made))

from collections import deque
seq = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
sources = [iter(seq), reversed(seq), iter(set(seq)), iter("abcdefghijk"), iter(range(11)), iter(tuple(seq)),
           iter(deque(seq)), reversed(deque(seq)), iter(dict.fromkeys(seq)), iter(b"abcdefghijk")]
for it in sources:
    next(it)
    hint = it.__length_hint__()
    print(hint, sys.getsizeof(list(it)))
