# id: syn_35_match_control_flow
# source: python/cpython:Grammar/python.gram (match_stmt, subject_expr, soft keywords); Python/compile.c (compiler_match_inner); Lib/test/test_patma.py
# property: `match` and `case` stay ordinary names (variables, parameters, class attributes, subscripts) and `match -x:`, `match (x):`,
#   `match x,:` and `match [*match]:` are match statements; continue and break in a case body inside a loop (the subject is
#   off the stack), := in a guard, nested mapping/sequence patterns, a yield inside a guard (the subject stays on the
#   generator's stack), 1.0 matching the literal 1, negative floats, an or-pattern under `as`; an error raised in a guard
#   written over two lines points at the guard's line
match = [3, 4]
print(match[0], match)
def f(match): return match + 1
print(f(1))
class K:
    match = 5
print(K.match)
x = 2
match -x:
    case -2: print("neg")
match (x):
    case 2: print("paren")
match x,:
    case (2,): print("tuple1")
match [*match]:
    case [3, 4]: print("starred subject list")
for i in range(4):
    match i:
        case 0: continue
        case 1: print("one")
        case 2: break
    print("after", i)
def g(v):
    match v:
        case [1, *_] if (r := v[-1]) > 5:
            return "walrus", r
        case {"a": [1, {"b": bb}]}:
            return bb
    return None
print(g([1, 9]), g([1, 2]), g({"a": [1, {"b": "deep"}]}))
def gen(vs):
    for v in vs:
        match v:
            case int() if (yield v):
                print("sent truthy")
            case _:
                pass
it = gen([1, 2])
print(next(it), it.send(1))
case = 3
print(case)
match 1.0:
    case 1: print("1 == 1.0")
match -0.5:
    case -0.5: print("neg float")
match "x":
    case "x" | "y" as s: print("or-as", s)

def guarded(v):
    match v:
        case [a] if (
                1 / a):
            return "div"
        case _:
            return "no"
print(guarded([2]), guarded("x"))
try:
    guarded([0])
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("guard error at line", tb.tb_lineno)
