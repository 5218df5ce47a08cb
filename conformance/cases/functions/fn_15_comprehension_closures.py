# id: fn_15_comprehension_closures
# source: python/cpython:Python/symtable.c (analyze_block, analyze_cells: a comprehension is a function scope whose
# variables nested functions close over); Python/compile.c (compiler_comprehension, compiler_make_closure,
# compiler_set_qualname; MAKE_CELL in insert_prefix_instructions); Lib/test/test_listcomps.py
# property: a lambda or generator expression inside a list/set/dict comprehension that uses the comprehension's
#   loop variable closes over one cell per comprehension run (late binding: every closure sees the last value),
#   in a module, a function, a class body and a generator expression, nested comprehensions and nested lambdas;
#   the cells' GC allocations; co_freevars; qualnames (<listcomp>.<lambda>, f.<locals>.<listcomp>.<genexpr>,
#   <genexpr>.<lambda>; 3.12+ inlines comprehensions: no <listcomp>); a variable of the enclosing function with the same name is not touched
import gc
fs = [lambda: i for i in range(3)]
print([f() for f in fs], len({id(f.__closure__[0]) for f in fs}), fs[0].__closure__[0].cell_contents)
print(fs[0].__code__.co_freevars, fs[0].__qualname__)
gs = {k: (lambda: (k, v)) for k, v in [(1, 'a'), (2, 'b')]}
print({k: g() for k, g in gs.items()}, sorted(gs[1].__code__.co_freevars))
print([[(lambda: (i, j))() for j in range(2)] for i in range(2)])
print([list(x * i for x in range(3)) for i in range(3)])
print([(lambda: (lambda: i)())() for i in range(3)])
print(sorted({(lambda: s)() for s in "abc"}), list((lambda: a + b)() for a in range(2) for b in range(2)))
E = ((0x69, 0x131), (0x73, 0x17f, 0x1e9b))
fixes = {i: tuple(j for j in t if i != j) for t in E for i in t}  # 3.10's sre_compile._ignorecase_fixes
print(fixes)
def f(i=10):
    r = [lambda: i for i in range(2)]
    return [g() for g in r], i
print(f())
def g():
    return [lambda: 1 for i in [1]][0].__qualname__, [(x for _ in [1]) for x in [1]][0].__qualname__, [[(lambda: j) for j in [1]][0] for i in [1]][0].__qualname__
print(g())
class C:
    y = [(lambda: z) for z in range(2)]
    q = {i: (lambda: i) for i in [1]}[1].__qualname__
print([h() for h in C.y], C.q, C.y[0].__qualname__)
def h():
    try:
        [1 / (i - 1) + (lambda: i)() for i in range(3)]
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    return [(lambda: i)() for i in range(2)]
print(h(), h())
x = 5
print([x for x in range(2) if (lambda: x)()], x)
print([next(x for x in [lambda: i]) for i in [1]][0].__qualname__, next((lambda: 1) for i in [1]).__qualname__)
gc.collect()
c0 = gc.get_count()[0]
r = [lambda: i for i in range(5)]
print(gc.get_count()[0] - c0, len(r))
