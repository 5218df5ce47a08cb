# id: re_03_ignorecase_charsets
# source: python/cpython:Lib/re/_compiler.py (_compile_charset, _optimize_charset, _bytes_to_codes, _mk_bitmap); Objects/memoryobject.c (memoryview_cast_impl, memoryview_tolist_impl); Modules/_sre/sre.c; Lib/test/test_re.py (test_ignore_case_set, test_ignore_case_range, test_charset)
# property: Lib's re compiles character sets that become bitmaps (case-folded ranges under re.I, negated and large sets, bytes patterns, a BIGCHARSET beyond Latin-1): _optimize_charset packs them through _bytes_to_codes, memoryview(bytes).cast('I').tolist(); the compiled Pattern's size (96 + 4 per code word) and its matches as CPython's
import re, sys
pats = [('[a-z]+', re.I, 'Hello World \u00c4\u00d6'),
        ('[^a-f0-9]+', re.I, 'CafeBABE xyz 42'),
        ('[\u0100-\u0200k]+', re.I, 'Kk\u0100\u0101\u0200'),
        (r'[\w.-]+@[\w-]+', 0, 'mail a.b-c@d-e.org'),
        ('[%s]+' % ''.join(chr(c) for c in range(40, 120, 3)), 0, 'some (*-0369<?BEHK text'),
        (b'[a-z]+', re.I, b'Bytes ONLY'),
        ('[\u017fs]+', re.I, 'Ss\u017fS'),
        ('[\u0410-\u042f]+', re.I, '\u0416\u0436 abc \u0401')]
for p, f, s in pats:
    c = re.compile(p, f)
    print(repr(p)[:34], c.findall(s), sys.getsizeof(c))
codes = memoryview(b'\x01\x00\x00\x00\xff\xff\xff\xff').cast('I')
assert codes.itemsize == 4 and len(codes) * codes.itemsize == 8
print(codes.tolist())
