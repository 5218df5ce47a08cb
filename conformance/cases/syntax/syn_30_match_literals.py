# id: syn_30_match_literals
# source: python/cpython:Python/compile.c (compiler_match_inner, compiler_pattern_value, compiler_pattern_singleton, compiler_pattern_as, compiler_pattern_or); Lib/test/test_patma.py
# property: which case of a match statement runs: literal patterns compare with == (1 matches 1.0 and True), None/True/False with
#   `is` (1 does not match True), captures and `_`, or-patterns bind in the first alternative's order, `as` binds the whole
#   subject, guards run after the captures are stored (a capture stays bound when its guard fails), the subject is evaluated
#   once, `match` and `case` remain ordinary names, a tuple subject without parentheses
import sys

def classify(x):
    match x:
        case 0 | 0.5:
            return "zero-ish"
        case True:
            return "True"
        case None:
            return "None"
        case -1:
            return "minus one"
        case "a" "b":
            return "ab"
        case b"x":
            return "bytes x"
        case 1:
            return "one"
        case int(n) if n > 100:
            return "big %d" % n
        case str() as s:
            return "str %r" % s
        case other:
            return "other %r" % (other,)

for v in [0, 0.0, 0.5, False, True, 1, 1.0, None, -1, "ab", b"x", 500, 7, "zz", [1], (2,), 3.5]:
    print(repr(v), "->", classify(v))

calls = []
def subject():
    calls.append("subject")
    return 5

def guard(tag, result):
    calls.append(tag)
    return result

match subject():
    case 1 | 2:
        print("small")
    case y if guard("g1 y=%d" % y, False):
        print("not here")
    case z if guard("g2 z=%d" % z, True):
        print("z", z, "y still bound:", y)
print(calls)

# match, case and _ as names
match = [1, 2]
case = {"k": 3}
_ = "underscore"
print(match, case, _)
match[0] = 9
print(match)
def match(a):
    return a * 2
print(match(4))

# an open tuple subject
a, b = 1, 2
match a, b:
    case (1, 3):
        print("1,3")
    case (1, x) as pair:
        print("pair", pair, x)

# or-pattern alternatives bind the same names, in the first alternative's order
def orp(v):
    match v:
        case [1, p, q] | [p, q, 2]:
            return (p, q)
        case {"a": p} | {"b": p}:
            return p
        case _:
            return "no"
for v in [[1, 5, 6], [7, 8, 2], [0, 0, 0], {"b": 4}, {"a": 3, "b": 4}, {}]:
    print(v, orp(v))

# no case matches: nothing is bound, nothing runs
match 42:
    case 1:
        w = 1
print("w" in dir())

# a wildcard default with a guard
for v in (1, 2):
    match v:
        case 1:
            print("one")
        case _ if v > 1:
            print("default with guard", v)

# nested as-patterns and group patterns
match (1, (2, 3)):
    case (a1, ((b1 as c1, d1) as inner)) as whole:
        print(a1, b1, c1, d1, inner, whole)
