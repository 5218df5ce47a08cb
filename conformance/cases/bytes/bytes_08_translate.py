# id: bytes_08_translate
# source: python/cpython:Objects/bytesobject.c (bytes_translate_impl); Objects/bytearrayobject.c (bytearray_translate_impl); Objects/bytes_methods.c (_Py_bytes_maketrans); Lib/re/_compiler.py (_mk_bitmap: bits.translate(_BITS_TRANS)); Objects/longobject.c (long_new_impl, _PyLong_FromBytes); Lib/test/test_bytes.py:BaseBytesTest.test_translate, test_maketrans
# property: bytes/bytearray.translate with a 256-byte table or None and a delete set (positional or keyword), bytes/bytearray.maketrans; an exact bytes that nothing changed is returned itself (also with a delete set that matches nothing), any change gives a new object sized to what is kept (getsizeof), a bytearray always a new bytearray; re's bitmap idiom; the errors (table length, non-buffer table or delete, maketrans lengths and arity) in CPython's words; int(bytes, base) as re._compiler uses it (_PyLong_FromBytes)
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
tab = bytes.maketrans(b'abc', b'xyz')
print(len(tab), type(tab).__name__, tab[97:100], tab[:3], bytearray.maketrans(b'\x00', b'!')[:2], type(bytearray.maketrans(b'', b'')).__name__)
s = b'aabbccdd'
r = s.translate(tab)
print(r, r is s, sys.getsizeof(r))
same = b'hello world'
print(same.translate(None) is same, same.translate(tab) is same, same.translate(None, b'qz') is same, same.translate(tab, b'') is same)
d = same.translate(None, b'lo')
print(d, d is same, sys.getsizeof(d), same.translate(tab, delete=b'h'), same.translate(None, bytearray(b' ')))
print(b''.translate(tab), b''.translate(None, b'a') is b''.translate(None), b'x'.translate(None, b'x') == b'', len(b'ab'.translate(None, b'a')))
ba = bytearray(b'abcabc')
r2 = ba.translate(tab)
print(r2, r2 is ba, type(r2).__name__, sys.getsizeof(r2), ba.translate(None) is ba, ba.translate(None, b'b'))
print(sys.getsizeof(bytearray(b'x' * 40).translate(None, b'x')), sys.getsizeof(bytearray(b'xy' * 20).translate(None, b'x')))
_BITS_TRANS = b'0' + b'1' * 255
bits = bytes([0, 1, 7, 0, 255, 0, 0, 3])
print(bits.translate(_BITS_TRANS)[::-1], int(bits.translate(_BITS_TRANS)[::-1], 2))
t(lambda: b'x'.translate())
t(lambda: b'x'.translate(None, b'', b''))
t(lambda: b'x'.translate(None, x=1))
t(lambda: b'x'.translate(table=None))
t(lambda: b'x'.translate('a' * 256))
t(lambda: b'x'.translate(b'a'))
t(lambda: b'x'.translate(None, 'x'))
t(lambda: bytearray(b'x').translate(bytearray(255)))
t(lambda: bytes.maketrans(b'a'))
t(lambda: bytes.maketrans(b'a', b'b', b'c'))
t(lambda: bytes.maketrans(b'a', b'bc'))
t(lambda: bytes.maketrans('a', b'b'))
t(lambda: bytearray.maketrans(frm=b'a', to=b'b'))
print(int(b'101', 2), int(bytearray(b'ff'), 16), int(b' -0x1f ', 0), int(b'1_000', 10))
t(lambda: int(b'12', 2))
t(lambda: int(b'', 10))
t(lambda: int(bytearray(b'1\x002'), 10))
