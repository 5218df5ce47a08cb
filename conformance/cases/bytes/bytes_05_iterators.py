# id: bytes_05_iterators
# source: python/cpython:Objects/bytesobject.c (bytes_iter, striter_next, PyBytesIter_Type "bytes_iterator"); python/cpython:Objects/bytearrayobject.c (bytearray_iter, bytearrayiter_next, PyByteArrayIter_Type "bytearray_iterator"); python/cpython:Lib/_collections_abc.py (bytes_iterator = type(iter(b'')), bytearray_iterator = type(iter(bytearray())))
# property: iter(bytes) and iter(bytearray) are their own types (bytes_iterator, bytearray_iterator) yielding ints; an iterator holds a reference to its sequence until exhausted and then drops it; a bytearray iterator sees items appended during iteration; for loops, list(), sum(), sorted() and unpacking iterate bytes as ints
import sys
print(type(iter(b'')), type(iter(bytearray())), type(iter(b'')).__name__, type(iter(bytearray(b'x'))).__name__)
x = b'xyz' * 3
r0 = sys.getrefcount(x)
it = iter(x)
print(sys.getrefcount(x) - r0, next(it), next(it))
for c in it:
    pass
print(sys.getrefcount(x) - r0, list(it))
ba = bytearray(b'ab')
out = []
for c in ba:
    out.append(c)
    if len(ba) < 5:
        ba.append(c + 10)
print(out, ba)
a, b, c = b'abc'
print(a, b, c, sum(b'\x01\x02\x03'), sorted(b'cab'), max(b'hello'), [c for c in b'hi'], tuple(bytearray(b'ok')), dict.fromkeys(b'aab'))
print(list(enumerate(b'ab')), list(zip(b'ab', bytearray(b'cd'))), list(reversed(b'abc')), set(b'abca') == {97, 98, 99})
