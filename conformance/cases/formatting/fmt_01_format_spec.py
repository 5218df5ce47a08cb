# id: fmt_01_format_spec
# source: python/cpython:Python/formatter_unicode.c (parse_internal_render_format_spec, format_long_internal, format_float_internal, format_string_internal, calc_number_widths); Python/pystrtod.c (PyOS_double_to_string, format_float_short); Objects/floatobject.c (float_repr); Lib/test/test_format.py, test_float.py:FormatTestCase
# property: format(value, spec) for int, bool, float, str and None: fill/align/sign/z/#/0/width/grouping (',' '_', zero padding grouped)/precision/type b c d o x X n e E f F g G %, the no-type float rule (repr, or 'g' with a '.0' and the exponent one digit earlier), inf/nan, and every ValueError/TypeError message; float repr/str are the shortest round-trip digits
try:
    print("format(1234,'08,')", '->', repr(format(1234,'08,')))
except Exception as e:
    print("format(1234,'08,')", '->', type(e).__name__, e)
try:
    print("format(1234,'09,')", '->', repr(format(1234,'09,')))
except Exception as e:
    print("format(1234,'09,')", '->', type(e).__name__, e)
try:
    print("format(1234,'07,')", '->', repr(format(1234,'07,')))
except Exception as e:
    print("format(1234,'07,')", '->', type(e).__name__, e)
try:
    print("format(1234,'06,')", '->', repr(format(1234,'06,')))
except Exception as e:
    print("format(1234,'06,')", '->', type(e).__name__, e)
try:
    print("format(1,'abc')", '->', repr(format(1,'abc')))
except Exception as e:
    print("format(1,'abc')", '->', type(e).__name__, e)
try:
    print("format(1.5,'=^10.3')", '->', repr(format(1.5,'=^10.3')))
except Exception as e:
    print("format(1.5,'=^10.3')", '->', type(e).__name__, e)
try:
    print("format(1e20,'.3')", '->', repr(format(1e20,'.3')))
except Exception as e:
    print("format(1e20,'.3')", '->', type(e).__name__, e)
try:
    print("format(1.0,'.3')", '->', repr(format(1.0,'.3')))
except Exception as e:
    print("format(1.0,'.3')", '->', type(e).__name__, e)
try:
    print("format(True,'^6')", '->', repr(format(True,'^6')))
except Exception as e:
    print("format(True,'^6')", '->', type(e).__name__, e)
try:
    print("format(True,'')", '->', repr(format(True,'')))
except Exception as e:
    print("format(True,'')", '->', type(e).__name__, e)
try:
    print("format(-0.0,'f')", '->', repr(format(-0.0,'f')))
except Exception as e:
    print("format(-0.0,'f')", '->', type(e).__name__, e)
try:
    print("format(float('nan'),'+f')", '->', repr(format(float('nan'),'+f')))
except Exception as e:
    print("format(float('nan'),'+f')", '->', type(e).__name__, e)
try:
    print("format(float('-inf'),'010')", '->', repr(format(float('-inf'),'010')))
except Exception as e:
    print("format(float('-inf'),'010')", '->', type(e).__name__, e)
try:
    print("format(255,'#07x')", '->', repr(format(255,'#07x')))
except Exception as e:
    print("format(255,'#07x')", '->', type(e).__name__, e)
try:
    print("format(255,'_b')", '->', repr(format(255,'_b')))
except Exception as e:
    print("format(255,'_b')", '->', type(e).__name__, e)
try:
    print("format(-1234567,'+,')", '->', repr(format(-1234567,'+,')))
except Exception as e:
    print("format(-1234567,'+,')", '->', type(e).__name__, e)
try:
    print("format(65,'c')", '->', repr(format(65,'c')))
except Exception as e:
    print("format(65,'c')", '->', type(e).__name__, e)
try:
    print("format(65,'+c')", '->', repr(format(65,'+c')))
except Exception as e:
    print("format(65,'+c')", '->', type(e).__name__, e)
try:
    print("format(1,'.2d')", '->', repr(format(1,'.2d')))
except Exception as e:
    print("format(1,'.2d')", '->', type(e).__name__, e)
try:
    print("format('ab','=5')", '->', repr(format('ab','=5')))
except Exception as e:
    print("format('ab','=5')", '->', type(e).__name__, e)
try:
    print("format('ab','+5')", '->', repr(format('ab','+5')))
except Exception as e:
    print("format('ab','+5')", '->', type(e).__name__, e)
try:
    print("format(1,',_')", '->', repr(format(1,',_')))
except Exception as e:
    print("format(1,',_')", '->', type(e).__name__, e)
try:
    print("format(1,'.')", '->', repr(format(1,'.')))
except Exception as e:
    print("format(1,'.')", '->', type(e).__name__, e)
try:
    print("format(1.23456789e-5,'')", '->', repr(format(1.23456789e-5,'')))
except Exception as e:
    print("format(1.23456789e-5,'')", '->', type(e).__name__, e)
try:
    print("format(123.456,'%')", '->', repr(format(123.456,'%')))
except Exception as e:
    print("format(123.456,'%')", '->', type(e).__name__, e)
try:
    print("format(123.456,'.1%')", '->', repr(format(123.456,'.1%')))
except Exception as e:
    print("format(123.456,'.1%')", '->', type(e).__name__, e)
try:
    print("format(1e100,'n')", '->', repr(format(1e100,'n')))
except Exception as e:
    print("format(1e100,'n')", '->', type(e).__name__, e)
try:
    print("format(12345.678,',.2f')", '->', repr(format(12345.678,',.2f')))
except Exception as e:
    print("format(12345.678,',.2f')", '->', type(e).__name__, e)
try:
    print("format(0.1,'.20g')", '->', repr(format(0.1,'.20g')))
except Exception as e:
    print("format(0.1,'.20g')", '->', type(e).__name__, e)
try:
    print("format(1.5, 'z.0f')", '->', repr(format(1.5, 'z.0f')))
except Exception as e:
    print("format(1.5, 'z.0f')", '->', type(e).__name__, e)
try:
    print("format(-0.4, 'z.0f')", '->', repr(format(-0.4, 'z.0f')))
except Exception as e:
    print("format(-0.4, 'z.0f')", '->', type(e).__name__, e)
try:
    print("format(3,'e')", '->', repr(format(3,'e')))
except Exception as e:
    print("format(3,'e')", '->', type(e).__name__, e)
try:
    print("format(10**20,'e')", '->', repr(format(10**20,'e')))
except Exception as e:
    print("format(10**20,'e')", '->', type(e).__name__, e)
try:
    print("format(10**25, ',')", '->', repr(format(10**25, ',')))
except Exception as e:
    print("format(10**25, ',')", '->', type(e).__name__, e)
try:
    print("format(2.5,'.0f')", '->', repr(format(2.5,'.0f')))
except Exception as e:
    print("format(2.5,'.0f')", '->', type(e).__name__, e)
try:
    print("format(12,'#o')", '->', repr(format(12,'#o')))
except Exception as e:
    print("format(12,'#o')", '->', type(e).__name__, e)
try:
    print("format(12,'#X')", '->', repr(format(12,'#X')))
except Exception as e:
    print("format(12,'#X')", '->', type(e).__name__, e)
try:
    print("format('x','^#5')", '->', repr(format('x','^#5')))
except Exception as e:
    print("format('x','^#5')", '->', type(e).__name__, e)
try:
    print("format(1,'x<+8')", '->', repr(format(1,'x<+8')))
except Exception as e:
    print("format(1,'x<+8')", '->', type(e).__name__, e)
try:
    print("format(1.0,'#.0f')", '->', repr(format(1.0,'#.0f')))
except Exception as e:
    print("format(1.0,'#.0f')", '->', type(e).__name__, e)
try:
    print("format(1.0,'#g')", '->', repr(format(1.0,'#g')))
except Exception as e:
    print("format(1.0,'#g')", '->', type(e).__name__, e)
try:
    print("format(123456789.0,'g')", '->', repr(format(123456789.0,'g')))
except Exception as e:
    print("format(123456789.0,'g')", '->', type(e).__name__, e)
try:
    print("format(1e-5,'g')", '->', repr(format(1e-5,'g')))
except Exception as e:
    print("format(1e-5,'g')", '->', type(e).__name__, e)
try:
    print("format(3.14159, '8.3f')", '->', repr(format(3.14159, '8.3f')))
except Exception as e:
    print("format(3.14159, '8.3f')", '->', type(e).__name__, e)
try:
    print("format(-3.14159, '+08.2f')", '->', repr(format(-3.14159, '+08.2f')))
except Exception as e:
    print("format(-3.14159, '+08.2f')", '->', type(e).__name__, e)
try:
    print("format(42, ' d')", '->', repr(format(42, ' d')))
except Exception as e:
    print("format(42, ' d')", '->', type(e).__name__, e)
try:
    print("format(42, '*^9')", '->', repr(format(42, '*^9')))
except Exception as e:
    print("format(42, '*^9')", '->', type(e).__name__, e)
try:
    print("format(-42, '=8')", '->', repr(format(-42, '=8')))
except Exception as e:
    print("format(-42, '=8')", '->', type(e).__name__, e)
try:
    print("format(1e16, '')", '->', repr(format(1e16, '')))
except Exception as e:
    print("format(1e16, '')", '->', type(e).__name__, e)
try:
    print("format(1e16, '.17')", '->', repr(format(1e16, '.17')))
except Exception as e:
    print("format(1e16, '.17')", '->', type(e).__name__, e)
try:
    print("format(0.5, '.0%')", '->', repr(format(0.5, '.0%')))
except Exception as e:
    print("format(0.5, '.0%')", '->', type(e).__name__, e)
try:
    print("format(1234.5, '_.1f')", '->', repr(format(1234.5, '_.1f')))
except Exception as e:
    print("format(1234.5, '_.1f')", '->', type(e).__name__, e)
try:
    print("format(123, 'n')", '->', repr(format(123, 'n')))
except Exception as e:
    print("format(123, 'n')", '->', type(e).__name__, e)
try:
    print("format(123, ',n')", '->', repr(format(123, ',n')))
except Exception as e:
    print("format(123, ',n')", '->', type(e).__name__, e)
try:
    print("format('abcdef', '.3')", '->', repr(format('abcdef', '.3')))
except Exception as e:
    print("format('abcdef', '.3')", '->', type(e).__name__, e)
try:
    print("format('abc', '>10.2')", '->', repr(format('abc', '>10.2')))
except Exception as e:
    print("format('abc', '>10.2')", '->', type(e).__name__, e)
try:
    print("format('é', '*^5')", '->', repr(format('é', '*^5')))
except Exception as e:
    print("format('é', '*^5')", '->', type(e).__name__, e)
try:
    print("format(2**70, 'x')", '->', repr(format(2**70, 'x')))
except Exception as e:
    print("format(2**70, 'x')", '->', type(e).__name__, e)
try:
    print("format(-2**70, '#_x')", '->', repr(format(-2**70, '#_x')))
except Exception as e:
    print("format(-2**70, '#_x')", '->', type(e).__name__, e)
try:
    print("format(7, 'b')", '->', repr(format(7, 'b')))
except Exception as e:
    print("format(7, 'b')", '->', type(e).__name__, e)
try:
    print("format(1e300*10, 'E')", '->', repr(format(1e300*10, 'E')))
except Exception as e:
    print("format(1e300*10, 'E')", '->', type(e).__name__, e)
try:
    print("format(12.5, 'G')", '->', repr(format(12.5, 'G')))
except Exception as e:
    print("format(12.5, 'G')", '->', type(e).__name__, e)
try:
    print("format(0.0001234, 'e')", '->', repr(format(0.0001234, 'e')))
except Exception as e:
    print("format(0.0001234, 'e')", '->', type(e).__name__, e)
try:
    print("format(5, '')", '->', repr(format(5, '')))
except Exception as e:
    print("format(5, '')", '->', type(e).__name__, e)
try:
    print("format(5.0, '')", '->', repr(format(5.0, '')))
except Exception as e:
    print("format(5.0, '')", '->', type(e).__name__, e)
try:
    print("format(None, '')", '->', repr(format(None, '')))
except Exception as e:
    print("format(None, '')", '->', type(e).__name__, e)
try:
    print("format(None, 'x')", '->', repr(format(None, 'x')))
except Exception as e:
    print("format(None, 'x')", '->', type(e).__name__, e)
try:
    print("format([1], '')", '->', repr(format([1], '')))
except Exception as e:
    print("format([1], '')", '->', type(e).__name__, e)
try:
    print('format(1, 3)', '->', repr(format(1, 3)))
except Exception as e:
    print('format(1, 3)', '->', type(e).__name__, e)
try:
    print('repr(1e16)', '->', repr(repr(1e16)))
except Exception as e:
    print('repr(1e16)', '->', type(e).__name__, e)
try:
    print('str(1e22)', '->', repr(str(1e22)))
except Exception as e:
    print('str(1e22)', '->', type(e).__name__, e)
try:
    print('repr(1.5e-7)', '->', repr(repr(1.5e-7)))
except Exception as e:
    print('repr(1.5e-7)', '->', type(e).__name__, e)
try:
    print('repr(123456789012345678.0)', '->', repr(repr(123456789012345678.0)))
except Exception as e:
    print('repr(123456789012345678.0)', '->', type(e).__name__, e)
try:
    print('str(0.1+0.2)', '->', repr(str(0.1+0.2)))
except Exception as e:
    print('str(0.1+0.2)', '->', type(e).__name__, e)
try:
    print('repr(2.0**0.5)', '->', repr(repr(2.0**0.5)))
except Exception as e:
    print('repr(2.0**0.5)', '->', type(e).__name__, e)
try:
    print("repr(float('inf'))", '->', repr(repr(float('inf'))))
except Exception as e:
    print("repr(float('inf'))", '->', type(e).__name__, e)
try:
    print("repr(-float('nan'))", '->', repr(repr(-float('nan'))))
except Exception as e:
    print("repr(-float('nan'))", '->', type(e).__name__, e)
try:
    print('str(1e-4)', '->', repr(str(1e-4)))
except Exception as e:
    print('str(1e-4)', '->', type(e).__name__, e)
try:
    print('repr(1e15)', '->', repr(repr(1e15)))
except Exception as e:
    print('repr(1e15)', '->', type(e).__name__, e)
try:
    print('repr(-0.0)', '->', repr(repr(-0.0)))
except Exception as e:
    print('repr(-0.0)', '->', type(e).__name__, e)
