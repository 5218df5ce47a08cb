# id: fn_19_kwparser_tuple
# source: CPython 3.10/3.11 Python/getargs.c (parser_init / new_kwtuple: a native function's _PyArg_Parser
# makes the tuple of its keyword names at its first keyword call and keeps it; 3.11's builtin_print, an
# Argument Clinic *args function, parses through _PyArg_UnpackKeywordsWithVararg at every call, so the first
# print() makes it; 3.12+: the core's parsers have static tuples, 3.13's builtin_min/builtin_max a lazy
# one); Objects/call.c (_PyObject_MakeTpCall: int(x, base=b) packs a tuple and a keyword dict)
# property: the first keyword call of each native function allocates one GC object more than later calls
# (3.10, 3.11), the first print() in 3.11 does so without keywords, and min/max in 3.13; a repeated call
# allocates nothing new; int('12', base=10) and its keyword errors
from __future__ import print_function
import gc
l = [3, 1, 2]
s = 'a b'
tag = str((0, 0, 0))  # Py_ReprEnter's thread-state dict and list exist before the first measurement


def count(label, f):
    gc.collect()
    f()
    c = gc.get_count()[0]
    out.append('%s %d' % (label, c))


out = []
count('print 1st', lambda: print('x'))
count('print 2nd', lambda: print('y'))
count('print end', lambda: print('z', end='\n'))
count('print end again', lambda: print('z', end='\n'))
count('sorted key', lambda: sorted(l, key=abs))
count('sorted key again', lambda: sorted(l, key=abs))
count('sort reverse', lambda: l.sort(reverse=True))
count('int base', lambda: int('12', base=10))
count('int base again', lambda: int('12', base=10))
count('encode', lambda: s.encode(encoding='utf-8'))
count('encode again', lambda: s.encode(encoding='utf-8'))
count('max key', lambda: max(l, key=abs))
count('max key again', lambda: max(l, key=abs))
count('min key', lambda: min(l, key=abs))
for line in out:
    print(line)
print(int('z', base=36), int('101', 2), int('7', base=0))
for f in (lambda: int(base=3), lambda: int('1', bas=3), lambda: int('1', 2, base=3)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
