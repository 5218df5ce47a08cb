# id: str_80_string_module
# source: python/cpython:Objects/stringlib/unicode_format.h (formatter_parser, formatteriter_next,
# MarkupIterator_next, parse_field, formatter_field_name_split, field_name_split, fieldnameiter_next,
# FieldNameIterator_next, get_integer)
# property: the native _string module: formatter_parser gives a 48-byte untracked formatteriterator
# yielding (literal, field_name, format_spec, conversion) with None for the last three after plain text,
# '' for a missing spec and None for a missing conversion; formatter_field_name_split gives (first, a
# 56-byte untracked fieldnameiterator) yielding (is_attribute, key), ints for all-digit keys; the parse
# errors and type errors (string.Formatter's parse and get_field run on these; string itself imports re)
import _string
import gc
import sys

it = _string.formatter_parser('a{0!r:>{w}}b{{c}}d{x.y[1]}')
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), iter(it) is it)
print(list(it), list(it))
first, rest = _string.formatter_field_name_split('x.y[1][k]')
print(first, type(rest).__name__, sys.getsizeof(rest), gc.is_tracked(rest), list(rest))
print(_string.formatter_field_name_split('12.a')[0], list(_string.formatter_field_name_split('')[1]))
print(list(_string.formatter_parser('')), list(_string.formatter_parser('{}')), list(_string.formatter_parser('{:}')))
print(list(_string.formatter_parser('{0!s}')), list(_string.formatter_parser('x}}')))
for bad in ['{', '}', 'a{0!', '{0!rx}', '{0:{', '{0[}', '{a', 'ok{x{']:
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print('ValueError', e)
for bad in ['a.', 'a[', 'a[]', 'a]x', 'a.b.', 'a[0]x', '99999999999999999999999']:
    try:
        r = _string.formatter_field_name_split(bad)
        print(r[0], list(r[1]))
    except ValueError as e:
        print('ValueError', e)
for fn in [_string.formatter_parser, _string.formatter_field_name_split]:
    try:
        fn(1)
    except TypeError as e:
        print('TypeError', e)
s = 'n={n}'
before = sys.getrefcount(s)
it = _string.formatter_parser(s)
print(sys.getrefcount(s) - before)
del it
print(sys.getrefcount(s) - before)
