# id: bytes_10_memoryview_exports
# source: python/cpython:Objects/bytearrayobject.c (bytearray_getbuffer, bytearray_releasebuffer, _canresize, PyByteArray_Resize, bytearray_setslice_linear); Modules/arraymodule.c (array_buffer_getbuf, array_buffer_relbuf, array_resize); Objects/memoryobject.c (mbuf_release, _memory_release, memory_dealloc, memory_clear); Lib/test/test_memoryview.py (test_resize), Lib/test/test_buffer.py
# property: a bytearray or array.array with a live memoryview refuses every size change with CPython's BufferError (append, extend, +=, *=, slice growth and shrinking, del, pop, clear) and keeps its contents, while same-size writes go through and show in the view; the refusal lasts while any view of the managed buffer lives (a slice or cast keeps it after the first view's release) and ends with release(), the with-statement, del of the last view, or the collector freeing a cycle holding the view; getsizeof and refcounts of the exporter before and after
import sys, gc, array

def err(label, f):
    try:
        f()
    except Exception as e:
        print(' ', label, type(e).__name__, e)
    else:
        print(' ', label, 'ok')

ba = bytearray(b'abcdef')
r0 = sys.getrefcount(ba)
print('size', sys.getsizeof(ba))
m = memoryview(ba)
print('refs with view', sys.getrefcount(ba) - r0)
err('append', lambda: ba.append(1))
err('extend', lambda: ba.extend(b'xy'))
err('pop', lambda: ba.pop())
err('clear', lambda: ba.clear())
err('del item', lambda: ba.__delitem__(0))
def del_front():
    del ba[0:2]
def del_step():
    del ba[::2]
def grow_slice():
    ba[1:2] = b'xyz'
def shrink_slice():
    ba[1:4] = b'z'
def iadd():
    global ba
    ba += b'!'
def imul():
    global ba
    ba *= 2
def same_size():
    ba[0:2] = b'AB'
err('del front', del_front)
err('del step', del_step)
err('grow slice', grow_slice)
err('shrink slice', shrink_slice)
err('iadd', iadd)
err('imul', imul)
err('same size slice', same_size)
err('item', lambda: ba.__setitem__(5, 70))
print(ba, m.tobytes(), sys.getsizeof(ba))
s = m[2:]
c = m.cast('c')
m.release()
err('append after release of m (slice alive)', lambda: ba.append(1))
s.release()
err('append with cast alive', lambda: ba.append(1))
del c
err('append after del', lambda: ba.append(33))
print(ba, sys.getrefcount(ba) - r0, sys.getsizeof(ba))

with memoryview(ba) as w:
    err('in with', lambda: ba.extend(b'??'))
err('after with', lambda: ba.extend(b'!!'))
print(ba)

# a view kept alive by a cycle: the export lasts until the collector frees it
class Holder:
    pass
h = Holder()
h.self = h
h.view = memoryview(ba)
del h
err('cycle alive', lambda: ba.append(1))
gc.collect()
err('cycle collected', lambda: ba.append(1))
print(ba, sys.getrefcount(ba) - r0)

a = array.array('i', [1, 2, 3])
r1 = sys.getrefcount(a)
v = memoryview(a)
print('array view', v.format, v.itemsize, v.nbytes, v.shape, v.tolist(), sys.getrefcount(a) - r1)
err('array append', lambda: a.append(4))
err('array extend', lambda: a.extend([5]))
err('array frombytes-like insert', lambda: a.insert(0, 9))
def array_iadd():
    global a
    a += array.array('i', [7])
err('array iadd', array_iadd)
err('array same size', lambda: a.__setitem__(0, 10))
print(a, v.tolist())
v2 = v[::2]
v.release()
err('array with slice alive', lambda: a.append(4))
del v2
err('array after del', lambda: a.append(4))
print(a, sys.getrefcount(a) - r1, sys.getsizeof(a))

b = b'bytes'
r2 = sys.getrefcount(b)
views = [memoryview(b) for i in range(3)]
print('bytes views', sys.getrefcount(b) - r2)
views[0].release()
print('one released', sys.getrefcount(b) - r2)
del views
print('all gone', sys.getrefcount(b) - r2)
