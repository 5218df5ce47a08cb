# id: fn_10_walrus
# source: python/cpython:Python/compile.c (compiler_visit_expr1, NamedExpr_kind: the value, COPY 1, the
# store); Python/symtable.c (symtable_extend_namedexpr_scope); Grammar/python.gram (named_expression,
# assignment_expression); Lib/test/test_named_expressions.py
# property: `:=` in if/while conditions, call arguments, subscripts, parenthesised groups and
# comprehensions; inside a comprehension the target binds in the enclosing function (a cell the
# generator shares: the value it leaves is the last one), or the module's globals; the stored value is
# the same object the expression yields (refcounts: one in the name, one on the stack); a comprehension
# in a function leaves the function's local bound after the loop
import sys
def f(data):
    if (n := len(data)) > 2:
        print("long", n)
    while (k := data.pop()) != 1:
        print("k", k)
    c = 10
    s = sum((d := x - c) * d for x in [1, 2, 3])
    print(s, d, n, k)
    ys = [y := v * 2 for v in range(3)]
    print(ys, y)
    print([(t := i) + t for i in range(2)], t)
    g = (w := i for i in range(4))
    try:
        print(w)
    except NameError as e:
        print("NameError:", e)
    print(list(g), w)
f([1, 5, 6, 7])
if m := 5:
    print(m)
print([q := j for j in range(3)], q)
z = list((r := j * j) for j in range(4))
print(r, z, 'r' in globals())
def cl():
    x = 0
    def g():
        nonlocal x
        return [x := x + i for i in range(4)]
    print(g(), x)
cl()
l = [1, 2, 3]
print(l[(i := 1)], i, l[j := 2], j)
obj = object()
base = sys.getrefcount(obj)
def same():
    return (alias := obj) is obj, sys.getrefcount(alias) - base
print(same())
print(print(h := 3) or h)
