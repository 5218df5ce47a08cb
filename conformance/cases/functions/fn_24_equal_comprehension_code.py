# id: fn_24_equal_comprehension_code
# source: python/cpython@3.10:Python/compile.c (merge_consts_recursive, _PyCode_ConstantKey), Objects/codeobject.c of
#   3.10 (code_richcompare: name, first line, code, constants and names, not the columns; co_zombieframe),
#   Objects/frameobject.c of 3.10 (frame_alloc: a code object's zombie frame, else a new frame)
# property: two comprehensions on one line whose code is equal (the outermost iterable is evaluated outside their
#   code) are one code object in 3.10, so the second one's first call reuses the first one's zombie frame and
#   makes no new frame; on different lines they are two code objects, each making its frame at its first call;
#   seen through gc.get_count() right after a collection (3.11+ make no frame objects for these calls)
from __future__ import print_function
import gc


def same_line():
    return [[] for _ in range(1)], [[] for _ in range(2)]


def two_lines():
    a = [[] for _ in range(1)]
    b = [[] for _ in range(1)]
    return a, b


def texts_differ():
    return [[] for _ in range(1)], [() for _ in range(1)]


def warm_up():  # the first call of the program makes what later calls find ready (2.7's free lists)
    return [[] for _ in range(1)]


warm_up()
for fn in (same_line, two_lines, texts_differ):
    gc.collect()
    gc.collect()
    r = fn()
    print(fn.__name__, 'first call:', gc.get_count())
    del r
    gc.collect()
    r = fn()
    print(fn.__name__, 'second call:', gc.get_count())
    del r
