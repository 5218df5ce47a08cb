# id: path_11_seqiter_end_in_c
# source: python/cpython@2.7:Objects/iterobject.c (iter_iternext: PyErr_ExceptionMatches(PyExc_IndexError) before
#   PyErr_Clear), Objects/stringobject.c (string_item; str has no tp_iter), Python/errors.c (PyErr_GivenExceptionMatches),
#   Objects/abstract.c (PyObject_IsSubclass: _PyObject_LookupSpecial, PyObject_CallFunctionObjArgs),
#   Objects/listobject.c (listextend), Objects/abstract.c (PySequence_Tuple), Objects/setobject.c (set_update_internal);
#   python/cpython:Objects/unicodeobject.c (unicode_iter: 3.x's str has its own iterator, no exception at its end)
# property: gc.get_count() after a collection for the C code that iterates a str to its end: list(), tuple(), set(),
#   sorted(), min(), max() and sum() (which iterate: no list in between), str.join, enumerate, zip, map, unpacking (UNPACK_SEQUENCE iterates: no list in between) and a
#   comprehension. In 2.7 each ends
#   on the IndexError of a seqiter, whose exception match binds type.__subclasscheck__ and packs a 1-tuple (two
#   tracked objects); in 3.x the str iterator just stops
from __future__ import print_function
import gc

gc.disable()


def delta(f):
    gc.collect()
    a = gc.get_count()[0]
    f()
    return gc.get_count()[0] - a


def unpack():
    a, b = "ab"
    return a


for label, f in [("list", lambda: list("abc")), ("tuple", lambda: tuple("abc")), ("set", lambda: set("abc")),
                 ("sorted", lambda: sorted("abc")), ("min", lambda: min("abc")), ("max", lambda: max(iter("abc"))),
                 ("sum", lambda: sum(map(ord, "abc"))), ("sum iter", lambda: sum(iter([1.5, 2]))),
                 ("join", lambda: "-".join("abc")),
                 ("enumerate", lambda: list(enumerate("ab"))), ("zip", lambda: list(zip("ab", "cd"))),
                 ("map", lambda: list(map(ord, "ab"))),
                 ("listcomp", lambda: [c for c in "abc"]), ("genexp", lambda: tuple(x for x in "ab")),
                 ("next", lambda: next(iter("ab"))), ("in iter", lambda: "b" in iter("abc")), ("unpack", unpack)]:
    print(label, delta(f))
