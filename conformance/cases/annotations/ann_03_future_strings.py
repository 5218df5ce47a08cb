# id: ann_03_future_strings
# source: python/cpython:Python/ast_unparse.c (append_ast_expr and its helpers: precedence levels, append_ast_tuple, append_ast_subscript, append_ast_args, append_repr); Python/compile.c (compiler_visit_annexpr, check_annotation); Python/future.c
# property: under `from __future__ import annotations` (PEP 563) every annotation is the str of its expression as CPython writes it back: parentheses from precedence only, constants by repr (floats shortest, infinity 1e309, str quotes and escapes), spacing normalised; function, module and class annotations alike; nothing is evaluated
from __future__ import annotations
import sys
def f(a: dict[str, int], b: int | None = None, *args: tuple[int, str], c: "quoted" = 1, **kw: x.y.z) -> list[int]: pass
for k, v in f.__annotations__.items():
    print(k, repr(v))
x: a + b * c
y: (a + b) * c
z: -x ** 2
w: (-x) ** 2
v: a ** b ** c
u: (a ** b) ** c
t: not a and (b or c)
s: (not a) == b
r: a if b else c
q: (a if b else c) if d else e
p: lambda x, y=1, *z, k=2, **kw: x + y
o: lambda: 0
n: f(a, *b, k=1, **d)
m: d[1:2] + d[::3] + d[a:]
l: d[(1, 2)]
k: d[1,]
j: (1, 2)
i: (1,)
h: ()
g: [1, 2.5, 1e100, 1e-7, 0.1, 1e16, 123456789012345678, 'it''s', "q\"", "\n\t\\"]
e: {1: 2, 'a': [3]}
dd: {1, 2}
cc: [x for x in y if x for z in w]
bb: {k: v for k, v in items}
aa: (x for x in y)
ab: a < b <= c is not d not in e
ac: ~a | b ^ c & d << 1 >> 2
ad: a.b.c(d).e[f]
ae: 1 .real
af: (None, True, False)
ag: 1e999
ah: x // y % z - -w + +v
ai: sum(x for x in y)
for k, v in __annotations__.items():
    print(k, repr(v))
class C:
    attr: List[int] = []
    other: Callable[[int], str]
print(C.__annotations__)
def g():
    inner: undefined_at_runtime
    return 1
print(g())
