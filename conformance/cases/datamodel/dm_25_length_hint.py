# id: dm_25_length_hint
# source: python/cpython:Objects/abstract.c (PyObject_LengthHint, PySequence_Tuple);
# Objects/listobject.c (list_extend: the hint presizes, the array is cut back at the end)
# property: list() and tuple() of a class's iterator presize by its __length_hint__ (so the growth steps
# and the final capacity follow the hint: 20 items after a hint of 2 end in a 24-slot array, 248 bytes,
# where the default hint of 8 would give 216); NotImplemented means the default; a len() raising
# TypeError falls through to the hint; the hint's errors
import sys
class It:
    def __init__(self, n, hint): self.n = n; self.hint = hint
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0: raise StopIteration
        self.n -= 1
        return self.n
    def __length_hint__(self): return self.hint
print(sys.getsizeof(list(It(3, 50))), sys.getsizeof(tuple(It(3, 1))), sys.getsizeof(list(It(20, 2))))
print(sys.getsizeof(list(It(9, NotImplemented))))
for bad in (-1, "x", 2**70):
    try: list(It(1, bad))
    except Exception as e: print(type(e).__name__, e)
class L:
    def __len__(self): raise TypeError("nope")
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return 4
print(list(L()))
