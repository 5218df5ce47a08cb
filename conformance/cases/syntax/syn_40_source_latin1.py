#!/usr/bin/env python
# -*- coding: latin-1 -*-
# id: syn_40_source_latin1
# source: python/cpython:Parser/tokenizer.c (check_coding_spec, get_coding_spec, get_normal_name, fp_setreadl); Lib/test/test_source_encoding.py; PEP 263
# property: a coding declaration on the second line, after a comment line, decodes the file as latin-1: each byte above 0x7F is one character in literals (u"" too), comments hold any byte, and the program runs as if written in UTF-8
from __future__ import print_function
# a comment in latin-1: café, naïve, ©

s = u"café"
print(len(s), ord(s[3]), s[:3])
print(s.encode("utf-8") == b"caf\xc3\xa9", s == u"caf\xe9")
t = u"¿qué ßþÿ?"
print(len(t), [ord(c) for c in t])
print(t[1:4].upper() == u"QU\xc9", t[1:4].upper().encode("latin-1") == b"QU\xc9")
