# id: bytes_09_memoryview
# source: python/cpython:Objects/memoryobject.c (mbuf_alloc, _PyManagedBuffer_FromObject, mbuf_add_view, memory_alloc, _memory_release, memory_dealloc, memory_subscript, memory_ass_sub, memory_item, memoryview_cast_impl, cast_to_1D, cast_to_ND, memoryview_tolist_impl, memoryview_tobytes_impl, memory_hash, memory_richcompare, memory_iter, memoryiter_next, pack_single, unpack_single); Lib/re/_compiler.py (_bytes_to_codes); Lib/test/test_memoryview.py, Lib/test/test_buffer.py
# property: memoryview over bytes, bytearray, array.array and another view: getsizeof 144 + 24 per dimension + GC head (184 for 1-D), its managedbuffer 128 (gc.get_referents), GC tracked; memoryview(b) makes two GC objects (buffer and view), a slice or cast one; the exporter gets one reference (the buffer's), dropped when the last view of the buffer is released; attributes (obj, nbytes, readonly, itemsize, format, ndim, shape, strides, suboffsets, contiguity) of slices with steps and casts (1-D and N-D; the native formats per profile: 'e' from 3.12); tolist/tobytes/hex/toreadonly, indexing and item/slice assignment, ==/!= with bytes and views of other formats, hash of read-only byte views, memory_iterator, a sequence for the match statement, bytes/bytearray concatenation, += and join of C-contiguous views (others refused), with-statement release; len() of a 0-dim view (1 up to 3.11, TypeError from 3.12); CPython's error types and messages for released views, bad casts, bad keys, out-of-range and read-only writes
import sys, gc, array

def err(f):
    try:
        r = f()
    except Exception as e:
        print(' ', type(e).__name__, e)
    else:
        print(' ok', r)

gc.collect()
b = b'abcdefgh'
c0 = gc.get_count()[0]
r0 = sys.getrefcount(b)
m = memoryview(b)
print('alloc', gc.get_count()[0] - c0, 'refs', sys.getrefcount(b) - r0)
print('sizes', sys.getsizeof(m), [(type(x).__name__, sys.getsizeof(x)) for x in gc.get_referents(m)])
print('tracked', gc.is_tracked(m), gc.is_tracked(gc.get_referents(m)[0]))
c0 = gc.get_count()[0]
s = m[1:7:2]
print('slice alloc', gc.get_count()[0] - c0, 'refs', sys.getrefcount(b) - r0)
print(s.obj is b, s.nbytes, s.readonly, s.itemsize, s.format, s.ndim, s.shape, s.strides, s.suboffsets)
print(s.c_contiguous, s.f_contiguous, s.contiguous, s.tobytes(), s.tolist(), s.hex(), len(s))
m.release()
print('after release of m', sys.getrefcount(b) - r0, repr(m).startswith('<released memory at 0x'), repr(s).startswith('<memory at 0x'))
print(s[0], s[-1], bytes(s), bytearray(s))
s.release()
print('after release of s', sys.getrefcount(b) - r0)
del m, s

# casts: _bytes_to_codes
code = memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('I')
print('cast I', code.itemsize, len(code), code.tolist(), code.format, code.strides, sys.getsizeof(code))
n = memoryview(bytearray(range(12))).cast('B', [3, 4])
print('nd', n.shape, n.strides, n.ndim, n.tolist(), n.c_contiguous, n.f_contiguous, sys.getsizeof(n))
print('nd item', n[1, 2], n.tobytes('F'), n.cast('B').tolist()[:5])
z = memoryview(b'abcd').cast('i', [])
print('0-dim', z.ndim, z.shape, z.strides, z[()] == int.from_bytes(b'abcd', 'little'), z[...] is z, sys.getsizeof(z))
err(lambda: len(z))
for f in 'bBhHiIlLqQnN':
    v = memoryview(bytes([255] * 8)).cast(f)
    print(f, v.tolist()[0], v.itemsize)
castable = ''
for f in 'cbBhHiIlLqQnNfde?P':
    try:
        memoryview(bytearray(8)).cast(f)
        castable += f
    except ValueError:
        pass
print('native formats', castable)
if 'e' in castable:  # 3.12+: half floats (PyFloat_Pack2 rounds half to even)
    e = memoryview(bytearray(4)).cast('e')
    for x in (1.0, -2.5, 65504.0, 0.1, 1 / 3, 65519.0, 5.96e-08, float('inf')):
        e[0] = x
        print(' e', x, e[0], e.tobytes()[:2].hex())
    err(lambda: e.__setitem__(1, 65520.0))
fd = memoryview(array.array('d', [0.0]))
for x in ('x', 2 ** 2000, True):
    err(lambda: fd.__setitem__(0, x))
print('d', memoryview(array.array('d', [1.5, -2.25])).tolist(), memoryview(array.array('f', [0.5])).format)
print('c ?', memoryview(b'xy').cast('c').tolist(), memoryview(b'\x00\x02').cast('?').tolist(), memoryview(b'ab').cast('@B').format)

# writes
ba = bytearray(b'hello')
w = memoryview(ba)
w[0] = 72
w[1:3] = b'EL'
w[-1] = ord('O')
w[::2] = memoryview(b'xyz')
print('writes', ba, w.readonly, w.toreadonly().readonly, w.obj is ba)
h = memoryview(array.array('h', [1, 2, 3]))
h[1] = -7
print('array h', h.obj, h.tolist(), h.format, h.itemsize, h.nbytes)

# compare and hash
print('eq', memoryview(b'ab') == b'ab', b'ab' == memoryview(b'ab'), memoryview(b'ab') != b'ax', memoryview(b'ab') == bytearray(b'ab'))
print('eq fmt', memoryview(b'ab').cast('b') == memoryview(b'ab'), memoryview(b'ab').cast('c') == b'ab', memoryview(b'ab') == memoryview(array.array('B', [97, 98])))
print('eq other', memoryview(b'ab') == 'ab', memoryview(b'ab').__eq__(1), memoryview(b'abc')[::2] == b'ac')
nan = memoryview(array.array('d', [float('nan')]))
print('nan', nan == nan, nan == memoryview(array.array('d', [float('nan')])))
print('hash', hash(memoryview(b'abc')) == hash(b'abc'), hash(memoryview(b'abcd')[::2]) == hash(b'ac'), hash(memoryview(b'ab').cast('c')) == hash(b'ab'))

# iteration
it = iter(memoryview(b'xyz'))
print('iter', type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), list(it), list(memoryview(b'ab').cast('c')))

match memoryview(b'ab'):
    case [x, y]:
        print('match sequence', x, y)

# with
with memoryview(bytearray(b'ab')) as wm:
    print('with', wm.tolist())
print('released after with', repr(wm).startswith('<released'))

# simple-buffer consumers: bytes/bytearray concat, +=, join
j = memoryview(b'abcdef')
print('join', b'-'.join([j, b'x', bytearray(b'y'), j[1:3]]), bytearray(b'.').join([j]), b'x' + j, bytearray(b'y') + j[2:], b'' + j)
cat = bytearray(b'12')
cat += j[:2]
print('iadd', cat, sys.getsizeof(cat))
for f in (lambda: b''.join([j[::2]]), lambda: b'x' + j[::2], lambda: j + b'x'):
    err(f)

print('errors')
rel = memoryview(b'ab')
rel.release()
rel.release()
for f in (lambda: len(rel), lambda: rel[0], lambda: rel.tobytes(), lambda: rel.tolist(), lambda: rel.obj,
          lambda: rel.format, lambda: bytes(rel), lambda: memoryview(rel), lambda: rel.cast('B'),
          lambda: hash(rel), lambda: rel.__enter__(), lambda: rel == rel, lambda: rel == b'ab'):
    err(f)
mb = memoryview(bytearray(b'abcd'))
for f in (lambda: memoryview(1), lambda: memoryview('abc'), lambda: memoryview(), lambda: mb[4], lambda: mb[-5],
          lambda: mb['a'], lambda: mb[1.0], lambda: mb[0, 1], lambda: mb[1:2, 1:2], lambda: mb[2 ** 70],
          lambda: mb[::0], lambda: mb.__setitem__(0, 256), lambda: mb.__setitem__(0, 'a'),
          lambda: mb.__setitem__(0, -1), lambda: mb.__delitem__(0), lambda: memoryview(b'a').__setitem__(0, 1),
          lambda: mb.__setitem__(slice(0, 2), b'xyz'), lambda: hash(mb), lambda: mb.cast('x'), lambda: mb.cast('ii'),
          lambda: mb.cast('i').cast('h'), lambda: mb.cast(1), lambda: mb.cast('B', (2, 3)), lambda: mb.cast('B', 3),
          lambda: mb.cast('B', [2, 'a']), lambda: mb.cast('B', [0, 4]), lambda: memoryview(b'abc').cast('i'),
          lambda: mb[::2].cast('B'), lambda: mb.tobytes('X'), lambda: mb.cast('B', [2, 2])[0], lambda: mb < mb,
          lambda: hash(memoryview(b'ab').cast('h')), lambda: memoryview(array.array('u', 'ab')).tolist(),
          lambda: memoryview(b'ab').cast('B', []).tolist(), lambda: iter(memoryview(b'abcd').cast('i', [])),
          lambda: mb.cast('c').__setitem__(0, b'xy'), lambda: mb.cast('c').__setitem__(0, 1)):
    err(f)
