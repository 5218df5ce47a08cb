# id: bytes_04_methods
# source: python/cpython:Objects/bytesobject.c (bytes_new_impl, bytes_decode_impl, bytes_join, bytes_split_impl, bytes_rsplit_impl, do_xstrip, bytes_replace_impl, bytes_startswith, _Py_bytes_contains, bytes_concat, bytes_item, bytes_subscript, _PyBytes_FromHex); python/cpython:Objects/bytes_methods.c (_Py_bytes_find, _Py_bytes_count, _Py_bytes_tailmatch, _Py_bytes_upper, _Py_bytes_isdigit ...); python/cpython:Objects/bytearrayobject.c (bytearray_append, bytearray_extend, bytearray_pop, bytearray_setitem); python/cpython:Objects/unicodeobject.c (unicode_encode_impl); python/cpython:Lib/test/test_bytes.py
# property: the bytes and bytearray operations and methods programs use give CPython's results and raise CPython's exception types and messages (concatenation with str, in with a str or an out-of-range int, non-int indices, construction from str without an encoding, negative counts, bad hex, codec errors as UnicodeDecodeError/UnicodeEncodeError, unknown encodings as LookupError)
x = b'hello world'
print(len(x), x[0], x[-1], x[1:5], x[::-2], x[100:], list(b'\x00\x7f\xff'), 111 in x, b'wor' in x, b'' in x, bytearray(b'lo') in x)
print(x.split(), x.split(b'o'), x.split(b'o', 1), x.rsplit(b'o', 1), b' a  b '.split(), b' a  b '.rsplit(None, 1), b''.split(), b'a,b,'.split(b','))
print(x.find(b'o'), x.rfind(b'o'), x.find(b'o', 5, 7), x.find(111), x.find(b'z'), x.index(b'w'), x.rindex(b'l'), x.count(b'l'), x.count(b''), x.count(108, 0, 4))
print(x.startswith(b'hell'), x.startswith((b'x', b'he')), x.endswith(b'ld'), x.endswith(b'o', 0, 5), x.startswith(b'world', 6))
print(x.replace(b'l', b'L'), x.replace(b'l', b'', 2), x.replace(b'', b'.'), x.upper(), b'MiXeD 1'.lower(), b'  pad \n'.strip(), b'xxhixx'.lstrip(b'x'), b'xxhixx'.rstrip(b'x'))
print(b'123'.isdigit(), b'12a'.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t\n'.isspace(), b'AB1'.isupper(), b'ab1'.islower(), b''.isdigit(), b'1'.islower())
print(b', '.join([b'a', bytearray(b'b'), b'c']), b''.join(()), x.hex(), bytes.fromhex('de ad be ef'), bytearray.fromhex('0a'), b'-12'.zfill(5), b'ab'.center(6, b'*'))
print(x.decode(), b'caf\xc3\xa9'.decode('utf-8'), b'caf\xe9'.decode('latin-1'), b'abc'.decode('ascii'), 'café'.encode(), 'café'.encode('latin-1'), bytes('ü', 'utf-8'), bytearray('ab', 'ascii'))
print(bytes(3), bytes([65, 66]), bytes((67,)), bytes(range(68, 71)), bytes(bytearray(b'z')), bytes(x), bytearray(2), bytearray([1, 255]))
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba.extend([103, 104])
ba[0] = 65
ba[-1] = 72
del ba[1]
ba += b'!'
print(ba, len(ba), ba[0], ba[1:3], ba.pop(), ba.pop(0), ba, list(ba), ba.decode(), ba.split(b'd'), ba.upper())
# each error in a module-level handler (no helper function): one exception at a time
try:
    b'a' + 'a'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    'a' + b'a'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray(b'a') + 'a'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    'a' in b'a'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    300 in b'a'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'['x']
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'[5]
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray(b'a')[5]
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes([300])
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray([300])
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes(['a'])
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes('a')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes(-1)
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes(1.5)
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes(b'a', 'ascii')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'\xff'.decode()
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'\xe9'.decode('ascii')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    'é'.encode('ascii')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    '€'.encode('latin-1')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.decode('no-such-codec')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes.fromhex('zz')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytes.fromhex('abc')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.join(['a'])
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.split('a')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.split(b'')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.index(b'z')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.find('a')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a'.startswith('a')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    b'a' * 'a'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray().pop()
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray().append(256)
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray().append('a')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    bytearray().extend('ab')
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    t = bytearray(b'a')
    t[0] = 999
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    t = bytearray(b'a')
    t[0] = 'x'
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    t = bytearray(b'a')
    t[3] = 1
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
try:
    t = b'a'
    t[0] = 1
except Exception as ex:
    print(type(ex).__name__ + ':', ex)
