# id: str_03_translate_maketrans
# source: python/cpython:Objects/unicodeobject.c (unicode_translate, _PyUnicode_TranslateCharmap, charmaptranslate_lookup, charmaptranslate_output, unicode_maketrans_impl); Lib/textwrap.py (TextWrapper._munge_whitespace)
# property: str.translate looks each character up as table[ord(c)] (LookupError keeps it; None deletes; int or str replaces; other values and out-of-range ints are errors; always a new str); str.maketrans's one-, two- and three-argument forms and their errors, called on the type or an instance; textwrap.wrap runs
s='abcdef'*3; print(s.translate({}) is s, s.translate({ord('z'):'q'}) is s, ''.translate({}) == '')
print(str.maketrans('ab','cd'), str.maketrans({'a':1, 98:'x'}), str.maketrans('a','b','cd'), 'x'.maketrans('a', 'b'))
for a in [(1,), ({'ab':1},), ({1.5: 1},), ('ab','c'), (1,'a'), ('a',1), ('a','b',1), (), ('a','b','c','d')]:
  try: print(str.maketrans(*a))
  except Exception as e: print(type(e).__name__, e)
for t in [{97: 0x110000}, {97: 1.5}, {97: -1}, {97: 2**70}, 5]:
  try: print('abc'.translate(t))
  except Exception as e: print(type(e).__name__, e)
print('abc'.translate({97: None, 98: 'XY', 99: 100}), 'é€'.translate({233:'e', 8364: None}), 'abc'.translate(str.maketrans('abc', 'xyz', 'b')))
class M:
  def __getitem__(self, k):
    if k == 97: return 'A'
    if k == 99: raise IndexError(k)
    if k == 100: raise ValueError("no")
    raise KeyError(k)
print('abcab'.translate(M()))
try: 'd'.translate(M())
except ValueError as e: print("ValueError", e)
import textwrap
print(textwrap.wrap("The quick brown fox jumps over the lazy dog\tand again", 15))
import sys
print(sys.getsizeof('abc'.translate({})), sys.getsizeof('é'.translate({})))
