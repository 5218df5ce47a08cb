# id: fmt_02_str_format
# source: python/cpython:Objects/stringlib/unicode_format.h (MarkupIterator_next, parse_field, field_name_split, get_field_object, render_field, build_string); Objects/abstract.c (PyObject_Format); Objects/typeobject.c (object___format___impl); Objects/unicodeobject.c (_PyUnicodeWriter read-only result); Lib/test/test_unicode.py:test_format
# property: str.format / format_map: automatic, numbered and named fields, .attr and [index]/[key] access, !r !s !a, nested specs, '{{' '}}', every ValueError/IndexError/KeyError message; a class's __format__ through format() and str.format, object.__format__'s TypeError, a non-str result's TypeError; a template of one field or of plain text gives that str itself; result sizes
import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __format__(self, spec):
        if spec == "polar":
            return "P<%s>" % (self.x * self.x + self.y * self.y)
        return "(" + format(self.x, spec) + ", " + format(self.y, spec) + ")"
class Q:
    def __str__(self):
        return "Q!"
    def __repr__(self):
        return "Q()"
p = P(1.5, 2)
print(format(p, ".2f"), "{:polar}".format(p), "{0} and {0:.1f}".format(p), "{.x}".format(p))
print(format(Q()), "{}|{!r}|{!s}".format(Q(), Q(), Q()))
try:
    format(Q(), "x")
except TypeError as e:
    print("TypeError", e)
class Bad:
    def __format__(self, spec):
        return 42
try:
    format(Bad())
except TypeError as e:
    print("TypeError", e)
t = "plain text"
print("{}".format(t) is t, t.format() is t, "{:}".format(t) is t, "{:10}".format(t) is t, "{!s}".format(t) is t)
print(sys.getsizeof("{} {}".format(1, 2)), sys.getsizeof("{}".format("éà")), sys.getsizeof("{} {}".format("é", 1)), sys.getsizeof(format(3.5, "10.2f")))
print("{:,}".format(1234567890123), "{:_x}".format(0xdeadbeef), "{:%}".format(0.25), "{:+.3e}".format(-12345.6789))
try:
    print("'{} {}'.format(1, 'a')", '->', repr('{} {}'.format(1, 'a')))
except Exception as e:
    print("'{} {}'.format(1, 'a')", '->', type(e).__name__, e)
try:
    print("'{1}{0}{1}'.format('a', 'b')", '->', repr('{1}{0}{1}'.format('a', 'b')))
except Exception as e:
    print("'{1}{0}{1}'.format('a', 'b')", '->', type(e).__name__, e)
try:
    print("'{x}-{y!r}'.format(x=1, y='s')", '->', repr('{x}-{y!r}'.format(x=1, y='s')))
except Exception as e:
    print("'{x}-{y!r}'.format(x=1, y='s')", '->', type(e).__name__, e)
try:
    print("'{0[1]} {0[0]}'.format([5, 6])", '->', repr('{0[1]} {0[0]}'.format([5, 6])))
except Exception as e:
    print("'{0[1]} {0[0]}'.format([5, 6])", '->', type(e).__name__, e)
try:
    print("'{d[k]}'.format(d={'k': 9})", '->', repr('{d[k]}'.format(d={'k': 9})))
except Exception as e:
    print("'{d[k]}'.format(d={'k': 9})", '->', type(e).__name__, e)
try:
    print("'{:>{w}}|'.format('r', w=5)", '->', repr('{:>{w}}|'.format('r', w=5)))
except Exception as e:
    print("'{:>{w}}|'.format('r', w=5)", '->', type(e).__name__, e)
try:
    print("'{:{f}{a}{w}.{p}f}'.format(3.14159, f='*', a='<', w=10, p=2)", '->', repr('{:{f}{a}{w}.{p}f}'.format(3.14159, f='*', a='<', w=10, p=2)))
except Exception as e:
    print("'{:{f}{a}{w}.{p}f}'.format(3.14159, f='*', a='<', w=10, p=2)", '->', type(e).__name__, e)
try:
    print("'{{}} {{{}}}'.format(7)", '->', repr('{{}} {{{}}}'.format(7)))
except Exception as e:
    print("'{{}} {{{}}}'.format(7)", '->', type(e).__name__, e)
try:
    print("'{!s:>4}'.format(1.5)", '->', repr('{!s:>4}'.format(1.5)))
except Exception as e:
    print("'{!s:>4}'.format(1.5)", '->', type(e).__name__, e)
try:
    print("'{!a}'.format('é')", '->', repr('{!a}'.format('é')))
except Exception as e:
    print("'{!a}'.format('é')", '->', type(e).__name__, e)
try:
    print("'{0}{}'.format(1,2)", '->', repr('{0}{}'.format(1,2)))
except Exception as e:
    print("'{0}{}'.format(1,2)", '->', type(e).__name__, e)
try:
    print("'{}{0}'.format(1,2)", '->', repr('{}{0}'.format(1,2)))
except Exception as e:
    print("'{}{0}'.format(1,2)", '->', type(e).__name__, e)
try:
    print("'{'.format(1)", '->', repr('{'.format(1)))
except Exception as e:
    print("'{'.format(1)", '->', type(e).__name__, e)
try:
    print("'}'.format(1)", '->', repr('}'.format(1)))
except Exception as e:
    print("'}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{0!x}'.format(1)", '->', repr('{0!x}'.format(1)))
except Exception as e:
    print("'{0!x}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{:d}'.format(1.5)", '->', repr('{:d}'.format(1.5)))
except Exception as e:
    print("'{:d}'.format(1.5)", '->', type(e).__name__, e)
try:
    print("'{a}'.format(1)", '->', repr('{a}'.format(1)))
except Exception as e:
    print("'{a}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{1}'.format(1)", '->', repr('{1}'.format(1)))
except Exception as e:
    print("'{1}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{0:{1:{2}}}'.format(1,2,3)", '->', repr('{0:{1:{2}}}'.format(1,2,3)))
except Exception as e:
    print("'{0:{1:{2}}}'.format(1,2,3)", '->', type(e).__name__, e)
try:
    print("'{0!}'.format(1)", '->', repr('{0!}'.format(1)))
except Exception as e:
    print("'{0!}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{0!r'.format(1)", '->', repr('{0!r'.format(1)))
except Exception as e:
    print("'{0!r'.format(1)", '->', type(e).__name__, e)
try:
    print("'{0!rx}'.format(1)", '->', repr('{0!rx}'.format(1)))
except Exception as e:
    print("'{0!rx}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{0[}'.format(1)", '->', repr('{0[}'.format(1)))
except Exception as e:
    print("'{0[}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{0.}'.format(1)", '->', repr('{0.}'.format(1)))
except Exception as e:
    print("'{0.}'.format(1)", '->', type(e).__name__, e)
try:
    print("'{a.b}'.format_map({'a': 1})", '->', repr('{a.b}'.format_map({'a': 1})))
except Exception as e:
    print("'{a.b}'.format_map({'a': 1})", '->', type(e).__name__, e)
try:
    print("'{k}'.format_map({'k': 'v'})", '->', repr('{k}'.format_map({'k': 'v'})))
except Exception as e:
    print("'{k}'.format_map({'k': 'v'})", '->', type(e).__name__, e)
try:
    print("'{}'.format_map({})", '->', repr('{}'.format_map({})))
except Exception as e:
    print("'{}'.format_map({})", '->', type(e).__name__, e)
