# coding: utf-8
# bad input: a string literal that is not UTF-8 under a declared utf-8 (Parser/string_parser.c decode_unicode_with_escapes)
s = "é"
