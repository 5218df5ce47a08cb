# id: id_09_conversion_results
# source: python/cpython:Objects/longobject.c (long_to_decimal_string_internal writes into a PyUnicode_New of
# the final length: no one-character singleton); Objects/unicodeobject.c (_PyUnicodeWriter_Finish ->
# unicode_result: '%d' % 5 is the Latin-1 singleton); Objects/boolobject.c (bool_repr: the interned
# "True"/"False"); Objects/object.c (none_repr: a new "None" each call); Python/sysmodule.c
# (sys_getallocatedblocks_impl -> Objects/obmalloc.c _Py_GetAllocatedBlocks)
# property: which conversions to str share an object and which allocate one, seen through `is` and
# through sys.getallocatedblocks (one block per new str kept, none for a singleton)
import sys

pad = [str(i) for i in range(3000)]  # the block count itself is a new int, not a cached small one
print(str(5) is str(5), repr(5) is repr(5), format(5) is format(5), f'{5}' is f'{5}')
five, fmt, x = 5, '%d', 'x'
print(fmt % five is fmt % five, '%s' % x is x, str(-1) is str(-1), str(12) is str(12))
print(str(True) is str(True), repr(False) is repr(False))
print(str(None) is str(None), str(5.0) is str(5.0))


def blocks_kept(make):
    keep = []
    before = sys.getallocatedblocks()
    for i in range(1000):
        keep.append(make(i % 10))
    return round((sys.getallocatedblocks() - before) / 100.0)  # the list's own few blocks round away


print(blocks_kept(str), blocks_kept(repr), blocks_kept(lambda i: '%d' % i), blocks_kept(lambda i: str(i > 4)))
print(blocks_kept(lambda i: str(None)), blocks_kept(lambda i: str(i + 10)))
