# id: dm_97_int_bytes_errors
# source: python/cpython:Objects/longobject.c (int_to_bytes_impl, int_from_bytes_impl, _PyLong_AsByteArray); Objects/clinic/longobject.c.h (int_to_bytes, int_from_bytes); Objects/object.c (PyObject_Bytes); Objects/bytesobject.c (PyBytes_FromObject)
# property: the errors of int.to_bytes / int.from_bytes in CPython's order and words: OverflowError for a value that does not fit (unsigned and signed, sign bit included) or a negative value unsigned, ValueError for a bad byteorder or a negative length, Argument Clinic's TypeErrors for types, positional limits and keywords, and PyObject_Bytes's refusals of str, int and float
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: (256).to_bytes(1, 'big'))
t(lambda: (-1).to_bytes(4, 'big'))
t(lambda: (128).to_bytes(1, 'big', signed=True))
t(lambda: (-129).to_bytes(1, 'big', signed=True))
t(lambda: (2**64).to_bytes(8, 'little'))
t(lambda: (1).to_bytes(1, 'middle'))
t(lambda: (1).to_bytes(1, 'BIG'))
t(lambda: (1).to_bytes(-1, 'big'))
t(lambda: (1).to_bytes(1.0))
t(lambda: (1).to_bytes(1, 5))
t(lambda: (1).to_bytes(1, 'big', True))
t(lambda: (1).to_bytes(1, 'big', sign=True))
t(lambda: (1).to_bytes(1, length=1))
t(lambda: (1).to_bytes(2**70))
t(lambda: (1).to_bytes(0))
t(lambda: int.from_bytes())
t(lambda: int.from_bytes('abc'))
t(lambda: int.from_bytes(5))
t(lambda: int.from_bytes(3.5))
t(lambda: int.from_bytes([256]))
t(lambda: int.from_bytes([1, 'a']))
t(lambda: int.from_bytes(b'\x01', 'mid'))
t(lambda: int.from_bytes(b'\x01', byteorder=1))
t(lambda: int.from_bytes(b'\x01', 'big', True))
t(lambda: int.from_bytes(b'\x01', 'big', signed=True, x=1))
t(lambda: int.from_bytes(bytes=b'\x01\x00', byteorder='little'))
class B:
    def __bytes__(self): return b'\x01\x01'
class Bad:
    def __bytes__(self): return 'no'
t(lambda: int.from_bytes(B()))
t(lambda: int.from_bytes(Bad()))
