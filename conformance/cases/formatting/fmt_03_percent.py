# id: fmt_03_percent
# source: python/cpython:Objects/unicodeobject.c (PyUnicode_Format, unicode_format_arg_parse, unicode_format_arg_format, mainformatlong, formatfloat, formatchar); Lib/test/test_format.py
# property: str % args: %s %r %a %d %i %f %e %E %g %G %x %X %o %c %% with flags - + space # 0, width, precision and '*', a single value or a tuple, the %(name)s mapping form, and the TypeError/ValueError messages
try:
    print("'%s|%5s|%-5s|%.2s' % ('abc', 'ab', 'ab', 'abc')", '->', repr('%s|%5s|%-5s|%.2s' % ('abc', 'ab', 'ab', 'abc')))
except Exception as e:
    print("'%s|%5s|%-5s|%.2s' % ('abc', 'ab', 'ab', 'abc')", '->', type(e).__name__, e)
try:
    print("'%d %i %5d %-5d| %05d %+d' % (1, 2, 3, 4, 5, 6)", '->', repr('%d %i %5d %-5d| %05d %+d' % (1, 2, 3, 4, 5, 6)))
except Exception as e:
    print("'%d %i %5d %-5d| %05d %+d' % (1, 2, 3, 4, 5, 6)", '->', type(e).__name__, e)
try:
    print("'%f %.2f %10.3f %e %.3E %g %G' % (1.5, 2.345, 3.14159, 12345.678, 0.000123, 1e-10, 1e20)", '->', repr('%f %.2f %10.3f %e %.3E %g %G' % (1.5, 2.345, 3.14159, 12345.678, 0.000123, 1e-10, 1e20)))
except Exception as e:
    print("'%f %.2f %10.3f %e %.3E %g %G' % (1.5, 2.345, 3.14159, 12345.678, 0.000123, 1e-10, 1e20)", '->', type(e).__name__, e)
try:
    print("'%x %X %#x %o %#o %c %c %%' % (255, 255, 255, 8, 8, 65, 'z')", '->', repr('%x %X %#x %o %#o %c %c %%' % (255, 255, 255, 8, 8, 65, 'z')))
except Exception as e:
    print("'%x %X %#x %o %#o %c %c %%' % (255, 255, 255, 8, 8, 65, 'z')", '->', type(e).__name__, e)
try:
    print("'%(a)s %(b)05.1f' % {'a': 'x', 'b': 2.25}", '->', repr('%(a)s %(b)05.1f' % {'a': 'x', 'b': 2.25}))
except Exception as e:
    print("'%(a)s %(b)05.1f' % {'a': 'x', 'b': 2.25}", '->', type(e).__name__, e)
try:
    print("'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159)", '->', repr('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159)))
except Exception as e:
    print("'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159)", '->', type(e).__name__, e)
try:
    print("'%r %a' % ('é', 'é')", '->', repr('%r %a' % ('é', 'é')))
except Exception as e:
    print("'%r %a' % ('é', 'é')", '->', type(e).__name__, e)
try:
    print("'%s' % [1, 2]", '->', repr('%s' % [1, 2]))
except Exception as e:
    print("'%s' % [1, 2]", '->', type(e).__name__, e)
try:
    print("'%s' % (1,)", '->', repr('%s' % (1,)))
except Exception as e:
    print("'%s' % (1,)", '->', type(e).__name__, e)
try:
    print("'%5.1f%%' % 99.44", '->', repr('%5.1f%%' % 99.44))
except Exception as e:
    print("'%5.1f%%' % 99.44", '->', type(e).__name__, e)
try:
    print("'%d' % 3.9", '->', repr('%d' % 3.9))
except Exception as e:
    print("'%d' % 3.9", '->', type(e).__name__, e)
try:
    print("'%d' % True", '->', repr('%d' % True))
except Exception as e:
    print("'%d' % True", '->', type(e).__name__, e)
try:
    print("'%s' % None", '->', repr('%s' % None))
except Exception as e:
    print("'%s' % None", '->', type(e).__name__, e)
try:
    print("'%x' % -255", '->', repr('%x' % -255))
except Exception as e:
    print("'%x' % -255", '->', type(e).__name__, e)
try:
    print("'%.3d' % 5", '->', repr('%.3d' % 5))
except Exception as e:
    print("'%.3d' % 5", '->', type(e).__name__, e)
try:
    print("'%d' % 'x'", '->', repr('%d' % 'x'))
except Exception as e:
    print("'%d' % 'x'", '->', type(e).__name__, e)
try:
    print("'%s %s' % (1,)", '->', repr('%s %s' % (1,)))
except Exception as e:
    print("'%s %s' % (1,)", '->', type(e).__name__, e)
try:
    print("'%s' % (1,2)", '->', repr('%s' % (1,2)))
except Exception as e:
    print("'%s' % (1,2)", '->', type(e).__name__, e)
try:
    print("'%(a)s' % 1", '->', repr('%(a)s' % 1))
except Exception as e:
    print("'%(a)s' % 1", '->', type(e).__name__, e)
try:
    print("'%z' % 1", '->', repr('%z' % 1))
except Exception as e:
    print("'%z' % 1", '->', type(e).__name__, e)
try:
    print("'%c' % 1.5", '->', repr('%c' % 1.5))
except Exception as e:
    print("'%c' % 1.5", '->', type(e).__name__, e)
try:
    print("'%x' % 1.5", '->', repr('%x' % 1.5))
except Exception as e:
    print("'%x' % 1.5", '->', type(e).__name__, e)
try:
    print("'%d' % 2**70", '->', repr('%d' % 2**70))
except Exception as e:
    print("'%d' % 2**70", '->', type(e).__name__, e)
try:
    print("'%.0f %.1f' % (0.5, 0.25)", '->', repr('%.0f %.1f' % (0.5, 0.25)))
except Exception as e:
    print("'%.0f %.1f' % (0.5, 0.25)", '->', type(e).__name__, e)
try:
    print("'%s' % 1e16", '->', repr('%s' % 1e16))
except Exception as e:
    print("'%s' % 1e16", '->', type(e).__name__, e)
try:
    print("'%s %r' % (0.1, 1/3)", '->', repr('%s %r' % (0.1, 1/3)))
except Exception as e:
    print("'%s %r' % (0.1, 1/3)", '->', type(e).__name__, e)
