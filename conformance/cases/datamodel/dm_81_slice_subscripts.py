# id: dm_81_slice_subscripts
# source: python/cpython:Python/compile.c (compiler_slice, compiler_subscript); Python/ceval.c (BUILD_SLICE,
# BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR; 3.12 bytecodes.c BINARY_SLICE, STORE_SLICE);
# Objects/sliceobject.c (_PyBuildSlice_Consume2, slice_dealloc, PySlice_Unpack); Objects/listobject.c
# (list_subscript, list_ass_subscript); Objects/typeobject.c (slot_mp_subscript, slot_mp_ass_subscript)
# property: a[slice(...)] on every built-in sequence equals a[i:j:k]; a class's __getitem__/__setitem__/
# __delitem__ receive slice objects for obj[1:2], obj[::2], obj[1:2, 3] (a tuple holding one); dict keys
# refuse an unhashable slice before 3.12; slicing builds its slice through the one-slot cache, so a slicing
# loop allocates only its results (gc.get_count deltas)
import gc
import sys
from array import array

class Seq:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print('set', k, v)
    def __delitem__(self, k):
        print('del', k)

c = Seq()
print(c[1:2], c[::2], c[:], c[1:2, 3], c[..., 1:], c[:, :, 1::-1])
print(c[1:2:None], c[None:None], c[sys.maxsize:-sys.maxsize])
c[1:2] = 'v'
c[::3, 0] = 'w'
del c[5:]
del c[::-1]
k = c[1:2]
print(type(k).__name__, sys.getsizeof(k), gc.is_tracked(k))

seqs = [list(range(10)), tuple(range(10)), 'abcdefghij', b'abcdefghij', bytearray(b'abcdefghij'),
        array('i', range(10)), range(10)]
for s in seqs:
    for sl in [slice(1, 5, 2), slice(None, None, -3), slice(-4, None), slice(8, 2, -2), slice(None)]:
        r = s[sl]
        assert r == s[sl.start:sl.stop:sl.step], (s, sl)
    print(type(s).__name__, s[slice(1, 5, 2)], s[slice(None, None, -3)])
L = list(range(10))
L[slice(0, 4)] = ['a']
del L[slice(None, None, 2)]
print(L)
ba = bytearray(b'abcdef')
ba[slice(0, 2)] = b'XYZ'
del ba[slice(None, None, 3)]
print(ba)
def set_tuple(t):
    t[0:1] = [3]
def del_str(t):
    del t[::2]
for bad in [lambda: [1, 2][slice('a', 2)], lambda: (1, 2)[slice(1, 2, 0)], lambda: [1][1.5:],
            lambda: {}[1:2], lambda: set_tuple((1, 2)), lambda: del_str('abc')]:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)

class L2(list):
    def __getitem__(self, k):
        return ('L2', k)
print(L2([1, 2, 3])[0:2], list.__getitem__(L2([1, 2, 3]), slice(0, 2)))
class L3(list):
    pass
print(L3([1, 2, 3])[0:2], type(L3([1, 2, 3])[::2]).__name__)

# allocations: the slice comes from the one-slot cache, so only the results count
data = list(range(100))
text = 'abcdefghij' * 10
def loop(n):
    c0 = gc.get_count()[0]
    r = None
    for i in range(n):
        r = data[i:i + 5]
        r = data[::7]
        r = text[1:i]
        data[0:2] = data[0:2]
    return gc.get_count()[0] - c0
loop(1)
print(loop(10), loop(50))
def kept(n):
    keep = []
    c0 = gc.get_count()[0]
    for i in range(n):
        keep.append(c[i:])
    return gc.get_count()[0] - c0
kept(1)
print(kept(10))
