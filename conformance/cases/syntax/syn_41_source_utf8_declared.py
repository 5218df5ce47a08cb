# -*- coding: utf-8 -*-
# id: syn_41_source_utf8_declared
# source: python/cpython:Parser/tokenizer.c (check_coding_spec: a declared utf-8 sets tok->encoding, so decoding_fgets does not check lines with valid_utf8); Lib/test/test_source_encoding.py; PEP 263
# property: with utf-8 declared, a comment may hold bytes that are not UTF-8 (ÿþ here: the tokenizer skips comments undecoded), literals are UTF-8 as without the declaration
from __future__ import print_function
# not UTF-8: ÿþ été

s = u"Ã©tÃ©"  # trailing comment: é
print(len(s), [ord(c) for c in s])
print(s.encode("utf-8") == b"\xc3\xa9t\xc3\xa9")
