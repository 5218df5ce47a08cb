# id: mod_09_slot_wrappers
# source: python/cpython:Objects/typeobject.c (slotdefs, add_operators, wrap_objobjproc, wrap_binaryfunc, wrap_lenfunc, wrap_hashfunc, wrap_richcmpfunc, wrap_objobjargproc, wrap_delitem); Objects/descrobject.c (PyWrapper_New, wrapper_call, wrapper_repr, wrapper_richcompare); Lib/keyword.py
# property: a built-in type's special methods its slots answer are attributes of its instances: method-wrappers
#   (48 bytes with the GC head, tracked at creation, freed with their last reference) bound to the object,
#   calling the type's own slot (__contains__, __getitem__, __setitem__, __delitem__, __len__, __hash__,
#   __repr__, rich comparisons returning NotImplemented across types), checking the argument count;
#   Lib/keyword.py's `frozenset(kwlist).__contains__` runs
import gc
import sys
import keyword

print(keyword.iskeyword("if"), keyword.iskeyword("nope"), keyword.issoftkeyword("match"), len(keyword.kwlist))
t = (1, 2, 3)
w = t.__contains__
print(type(w).__name__, sys.getsizeof(w), gc.is_tracked(w), w(2), w(5))
print(w.__name__, w.__qualname__, w.__self__ is t)
print(t.__getitem__(1), t.__len__(), t.__hash__() == hash(t))
print(t.__eq__((1, 2, 3)), t.__lt__((1, 2, 4)), t.__eq__(5), t.__ne__([1]))
r = range(10)
print(r.__contains__(4), r.__getitem__(-1), r.__len__(), r.__repr__())
b = bytearray(b"abc")
b.__setitem__(0, 65)
b.__delitem__(2)
print(b, b.__len__())
try:
    t.__getitem__()
except TypeError as e:
    print("TypeError:", e)
try:
    t.__contains__(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(t.__contains__ == t.__contains__, t.__contains__ == (1, 2, 4).__contains__, t.__len__ != t.__contains__)
before = len(gc.get_objects())
ws = [t.__len__ for i in range(5)]
print(len(gc.get_objects()) - before, len(set(id(x) for x in ws)))
del ws
print(len(gc.get_objects()) - before)
