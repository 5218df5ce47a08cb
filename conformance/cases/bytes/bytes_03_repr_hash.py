# id: bytes_03_repr_hash
# source: python/cpython:Objects/bytesobject.c (PyBytes_Repr with smartquotes, bytes_str, bytes_hash, bytes_richcompare); python/cpython:Objects/bytearrayobject.c (bytearray_repr, bytearray_richcompare, PyObject_HashNotImplemented); python/cpython:Python/pyhash.c (_Py_HashBytes shared with str); python/cpython:Lib/test/test_bytes.py:BaseBytesTest.test_repr_str
# property: repr and str of bytes and bytearray escape as CPython (quote choice, \t \n \r, \xhh below space and from 0x7f), print shows the repr; hash(b) == hash(s) for the same Latin-1 text and is cached; bytearray is unhashable; comparisons work across bytes and bytearray and never equal a str; refcounts of non-singleton bytes count their holders
import sys
print(b'\x00\'"\\\n\t\r\x7f\x80\xff', b"'", b'"', b'"\'', b'', b'plain text 123')
print(repr(b'\x01\x1f '), str(b'ab'), bytearray(b"it's"), repr(bytearray(b'"q"')), str(bytearray()), bytearray(b'\'"\\'))
print(hash(b'abc') == hash('abc'), hash(b'') == hash(''), hash(b'') == 0, hash(b'\xe9') == hash('\xe9'), hash(b'xyz') == hash(b'xy' + b'z'))
d = {b'k': 1, 'k': 2}
print(len(d), d[b'k'], d['k'], b'k' == 'k', b'k' != 'k')
try:
    hash(bytearray(b'x'))
except TypeError as ex:
    print('TypeError', ex)
print(b'ab' < b'abc', b'ab' < b'b', b'b' >= b'ab', b'ab' == bytearray(b'ab'), bytearray(b'ab') == b'ab', bytearray(b'a') < b'b', b'' < b'\x00')
x = b''.join([b'ref', b's'])
print(sys.getrefcount(x))
l = [x, x, x]
print(sys.getrefcount(x))
del l
print(sys.getrefcount(x))
it = iter(x)
print(sys.getrefcount(x))
print(list(it), sys.getrefcount(x))
