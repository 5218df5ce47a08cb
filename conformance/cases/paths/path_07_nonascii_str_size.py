# id: path_07_nonascii_str_size
# source: python/cpython:Objects/unicodeobject.c (unicode___sizeof___impl, PyUnicode_AsUTF8AndSize); Modules/_io/textio.c (_io_TextIOWrapper_write_impl: encodes into a new bytes object); Lib/test/test_sys.py:SizeofTest.test_objecttypes
# property: a non-ASCII str constant, and a non-ASCII str after print(), carries no cached UTF-8 copy:
#   getsizeof counts only the compact header and its characters (latin-1 and 2-byte kinds)
# py27: outside 2.7's subset (non-ASCII text; profiles/py27/DIFFERENCES.tsv)
import sys

s = 'caf\xe9'
print(len(s), sys.getsizeof(s), sys.getsizeof('\u20ac uro'))
print(s, '\u20ac uro')
print(len(s), sys.getsizeof(s), sys.getsizeof('\u20ac uro'))
