# id: path_05_str_split_identity
# source: python/cpython:Objects/stringlib/split.h (PREALLOC_SIZE, MAX_PREALLOC, SPLIT_ADD, split_whitespace, split); Objects/unicodeobject.c (split, do_strip, replace, unicode_result_unchanged, ascii_upper_or_lower, case_operation); Objects/stringlib/split.h (splitlines); Lib/test/string_tests.py:BaseTest.test_split
# property: str.split preallocates its list (MAX_PREALLOC 12 slots; from 3.12 an unlimited split sizes it by
#   the most splits the text can hold, and a separator longer than the text gives a one-slot list in 3.x);
#   a str with nothing to split, strip or replace is returned itself (as the only item of split/splitlines);
#   the case methods always return a new str, one character included (ascii_upper_or_lower and case_operation fill
#   a new PyUnicode_New buffer; 2.7's string_lower and its kind PyString_FromStringAndSize(NULL, n))
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys

texts = ['', 'a', 'ab', 'a ', 'abcd', 'a  b', 'abcdef', 'abcdefgh' * 3, ' a b c d e f g h i j k l m n o ']
print([sys.getsizeof(s.split()) for s in texts])
texts = ['', 'a', 'ab', 'a,', 'abcd', 'abcdef', 'abcdefgh' * 3, ',' * 20]
print([sys.getsizeof(s.split(',')) for s in texts])
print([sys.getsizeof(s.split(',', 2)) for s in texts])
print([sys.getsizeof(s.split('ab')) for s in ['', 'a', 'ab', 'abab', 'abcd', 'abcdef', 'abcdefgh' * 3]])
print([s.split(',', 2) for s in ['', 'a,b,c,d', ',,,']], ' a b  c '.split(None, 1), ' a b  c '.split(None, 0))
print('a\nb'.splitlines(), sys.getsizeof('a\nb\nc\nd\ne'.splitlines()))

s = 'a' + 'bc'
print(s.split(',')[0] is s, s.split()[0] is s, s.splitlines()[0] is s, s.split(',', 0)[0] is s)
print(s.strip() is s, s.lstrip() is s, s.rstrip() is s, s.replace('x', 'y') is s)
print(s.split(None, 0)[0] is s, (s + ' ').strip() is s, (' ' + s).split()[0] is s, s.replace('b', 'x') is s)
e = ''
print(e.split(',')[0] is e, e.splitlines(), e.strip() is e, e.split())
d = str(len('abc'))
c = chr(97)
print([getattr(x, m)() is x for x in (d, c) for m in ('lower', 'upper', 'swapcase', 'title', 'capitalize')])
