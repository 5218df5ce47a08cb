# id: arr_02_errors
# source: python/cpython:Modules/arraymodule.c (array_new, b_setitem, BB_setitem, h_setitem, HH_setitem, i_setitem, II_setitem, l_setitem, LL_setitem, q_setitem, QQ_setitem, f_setitem, u_setitem, array_array_pop_impl, array_array_remove, array_array_index_impl, array_concat, array_ass_subscr, array_array_fromlist); Python/getargs.c (convertsimple "b", "h", "i", "l"); Objects/longobject.c (PyLong_AsUnsignedLong, PyLong_AsLongLong, PyLong_AsUnsignedLongLong)
# property: each typecode's conversion errors (OverflowError with the message of the C format or range check that fails first, TypeError for non-numbers), construction errors, and the method errors; a failed append leaves the array as it was, a failed extend keeps the items added before, a failed fromlist restores the old length
import array
def tryit(f, *args):
    try:
        r = f(*args)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)
for tc in 'bBhHiIlLqQ':
    for v in (-2**70, -2**64, -2**32, -2**31 - 1, -129, -1, 128, 256, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, 'x', 1.5):
        tryit(array.array, tc, [v])
for tc in 'fdu':
    for v in ('x', 1, 'ab', None, 2**2000):
        tryit(array.array, tc, [v])
tryit(array.array)
tryit(array.array, 'z')
tryit(array.array, 'dd')
tryit(array.array, 1)
tryit(array.array, 'd', 5)
tryit(array.array, 'd', 'abc')
tryit(array.array, 'z', 'abc')
tryit(array.array, 'd', [1], 2)
a = array.array('i', [1, 2, 3])
tryit(lambda: a[5])
tryit(lambda: a['x'])
tryit(a.pop, 7)
tryit(array.array('i').pop)
tryit(a.remove, 9)
tryit(a.index, 9)
tryit(a.index, 1, 1)
tryit(lambda: array.array('i') + array.array('d'))
tryit(lambda: a + [1])
tryit(lambda: a * 'x')
tryit(lambda: a < 3)
tryit(hash, a)
def setnine(v):
    a[9] = v
tryit(setnine, 1)
tryit(a.append, 2**40)
print(a)
tryit(a.insert, 0, 'x')
tryit(a.extend, [4, 'x', 5])
print(a)
tryit(a.extend, array.array('d'))
tryit(a.fromlist, 5)
tryit(a.fromlist, [6, 7, 'x'])
print(a, len(a))
tryit(a.tounicode)
def setslice(v):
    a[0:1] = v
tryit(setslice, [1])
tryit(setslice, array.array('b', [1]))
def setext(v):
    a[::2] = v
tryit(setext, array.array('i', [1]))
print(a)
