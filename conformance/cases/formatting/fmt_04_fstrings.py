# id: fmt_04_fstrings
# source: python/cpython:Parser/string_parser.c (fstring_find_expr, fstring_find_literal, the '=' debug form); Python/compile.c (compiler_joined_str, compiler_formatted_value); Python/ceval.c (FORMAT_VALUE, BUILD_STRING); Objects/unicodeobject.c (_PyUnicode_JoinArray); Lib/test/test_fstring.py
# property: f-strings compile to 3.11's FORMAT_VALUE/BUILD_STRING: conversions !r !s !a, specs with nested fields, '{{' '}}', implicit concatenation with plain literals, rf-strings, triple quotes, the 3.8 '=' form (repr unless a spec is given), a class's __format__; an f-string of one exact str field is that str itself
import sys
x = 42
name = "world"
pi = 3.14159
print(f"hello {name}!", f"{x}", f"{x:5d}|{x:<5}|{x:^7}|", f"{pi:.2f}", f"{name!r}", f"{name!s:>8}", f'{"q"!a}')
print(f"{x + 1} {x * 2:x} {[1, 2][0]} {'abc'[1]} {x if x else 0}", f"{{literal}} {{{x}}}", f"a" "b" f"{x}" "c")
w = 10
p = 3
print(f"{pi:{w}.{p}f}|", f"{pi:{w}}|", f"{x=}", f"{x = }", f"{pi=:.1f}", f"{name=!s}")
print(rf"\n{x}\t", f"tab\t{x}\n".strip(), f"{'é'}", f"""multi
{x}
line""")
d = {"k": 1}
print(f"{d['k']}", f"{d}", f"{(1, 2)}", f"{x!r:>6}")
class C:
    def __format__(self, spec):
        return "C[" + spec + "]"
    def __repr__(self):
        return "C()"
c = C()
print(f"{c}", f"{c:abc}", f"{c!r}", f"{c!r:>5}")
s = "same"
e = ''
print(f"{s}" is s, f"{s}{e}" is s, sys.getsizeof(f"{x}{x}"), f"" == "", f"{e}" is e)
try:
    print(f"{x:q}")
except ValueError as e:
    print("ValueError", e)
