# id: it_09_iterator_type_names
# source: python/cpython:Objects/listobject.c (PyListIter_Type, PyListRevIter_Type); Objects/tupleobject.c (PyTupleIter_Type); Objects/unicodeobject.c (unicode_iter, PyUnicodeIter_Type, _PyUnicodeASCIIIter_Type); Objects/iterobject.c (PySeqIter_Type, PyCallIter_Type); Objects/setobject.c (PySetIter_Type); Modules/_collectionsmodule.c (dequeiter_type, dequereviter_type); 2.7's names in the same files
# property: each built-in sequence has its own iterator type, named as the profile's CPython names it: list_iterator, tuple_iterator, str_ascii_iterator for a compact ASCII str (3.11+) and str_iterator otherwise, the generic `iterator` for a class with __getitem__ (and 2.7's str), set_iterator, list_reverseiterator, callable_iterator, deque iterators (2.7: listiterator, tupleiterator, setiterator, listreverseiterator, callable-iterator, deque_iterator); one type per kind of sequence (iter([]) and iter([1]) share it), 32-byte + GC-head objects tracked by the collector
from __future__ import print_function
import gc
import sys
import collections


class Seq(object):
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i


def show(label, it):
    t = type(it)
    print(label, t.__name__, gc.is_tracked(it), sys.getsizeof(it) - sys.getsizeof(object()))


show("list", iter([1, 2]))
show("tuple", iter((1, 2)))
show("str ascii", iter("ab"))
show("str latin-1", iter(u"\xe9t\xe9"))
show("str ucs-2", iter(u"\u20ac"))
show("getitem", iter(Seq()))
show("set", iter(set([1])))
show("frozenset", iter(frozenset([1])))
show("reversed list", reversed([1]))
show("callable", iter(lambda: 1, 2))
show("deque", iter(collections.deque([1])))
show("deque reversed", reversed(collections.deque([1])))
print(type(iter([])) is type(iter([1])), type(iter(())) is type(iter([])))
print(type(iter(u"\xe9")) is type(iter(u"\u20ac")), list(iter(u"\xe9\u20ac")) == [u"\xe9", u"\u20ac"])
it = iter("abc")
next(it)
print(list(it), list(it), it.__length_hint__())
print(repr(type(iter([])))[:7], type(iter([])).__name__ in repr(type(iter([]))))
