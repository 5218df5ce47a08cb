# id: str_05_ascii_builtin
# source: python/cpython:Python/bltinmodule.c (builtin_ascii); Objects/object.c (PyObject_ASCII); Objects/unicodeobject.c (_PyUnicode_AsASCIIString with backslashreplace); Lib/test/test_builtin.py:BuiltinTest.test_ascii
# property: ascii(o) is repr(o) with every non-ASCII character escaped (\xNN, \uNNNN, \UNNNNNNNN), through a class's own
#           __repr__ and inside containers; the same as the !a conversion and %a; one argument exactly
class R:
    def __repr__(self): return "R\u00e9"
print(ascii("caf\u00e9 \U0001f600"), ascii([1, "\u20ac", b"x"]), ascii(R()), ascii(1.5))
try:
    ascii()
except TypeError as e: print(e)
import builtins
print(builtins.ascii is ascii, "ascii" in dir(builtins))
x = "\u00e9\u20ac\U0001f600"
print(ascii(x) == f"{x!a}" == "%a" % x, ascii("plain") == repr("plain"))
