# id: ann_02_variable_annotations
# source: python/cpython:Python/compile.c (compiler_annassign, check_ann_expr, check_ann_subscr, check_annotation, find_ann, compiler_body); Python/ceval.c (SETUP_ANNOTATIONS); Python/symtable.c (AnnAssign: DEF_ANNOT | DEF_LOCAL)
# property: `x: T` and `x: T = v` at module and class level store T in __annotations__ under x in statement order (value assigned first, annotation evaluated after); targets that are not simple names (attributes, subscripts, a parenthesised name) are assigned but not recorded, and without a value their object and index are still evaluated; in a function nothing of the annotation runs, though the name becomes a local; SETUP_ANNOTATIONS puts the class dict's __annotations__ before the body's names
import sys
import gc

log = []
def note(tag, value=None):
    log.append(tag)
    return value

print(__annotations__)
first: note("A first", int)
second: note("A second", str) = note("V second", "two")
print(log, second)
print(__annotations__)
print(list(__annotations__))

class Obj:
    pass
o = Obj()
o.attr: note("A attr") = note("V attr", 5)
table = {}
table[note("K table", "key")]: note("A table") = note("V table", 6)
(paren): note("A paren") = note("V paren", 7)
note("--")
o.missing: note("A missing")
table[note("K slice"):note("K upper")]: note("A slice")
print(log)
print(o.attr, table, paren, "missing" in o.__dict__)
print(__annotations__)

class C:
    x: int
    y: list = []
    (z): int = 3
    def method(self):
        return self.y
print(list(C.__dict__)[:4], C.__annotations__, C.z, "x" in C.__dict__)
ca = C.__annotations__
print(sys.getrefcount(ca), sys.getsizeof(ca), gc.is_tracked(ca))

class Plain:
    y = 1
print("__annotations__" in Plain.__dict__)

def func():
    note("body")
    loc: note("never evaluated") = note("V loc", 8)
    bare: note("never evaluated either")
    self_like = Obj()
    self_like.attr: note("never") = 9
    try:
        return bare
    except NameError as exc:
        return (loc, self_like.attr, type(exc).__name__, str(exc))
del log[:]
print(func(), log)

def shadows():
    x: int
    try:
        return x
    except UnboundLocalError as exc:
        return str(exc)
print(shadows())

for i in range(2):
    looped: note("A loop %d" % i) = i
if True:
    nested: note("A if") = "n"
print(log, __annotations__["looped"], list(__annotations__)[-2:])
