# id: syn_34_match_memory
# source: python/cpython:Python/ceval.c (MATCH_CLASS, match_class, MATCH_KEYS, match_keys, GET_LEN, MATCH_SEQUENCE); Python/compile.c (compiler_pattern_class, compiler_pattern_mapping, compiler_match_inner)
# property: what a match allocates, seen through gc.get_count() with the collector off: a successful class pattern makes the
#   set of names seen, the attribute list and the tuple of attributes (3 tracked objects; a failed isinstance check none), a
#   mapping pattern's MATCH_KEYS the seen set and the values tuple (a missing key drops the tuple), a sequence pattern's
#   UNPACK_SEQUENCE nothing; captured objects keep exactly the references a binding holds (sys.getrefcount), the subject is
#   released after the statement; patterns in functions bind fast locals and cells (a closure sees the capture)
import gc
import sys

gc.disable()

class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a
        self.b = b

def delta(f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    return gc.get_count()[0] - before

p = P([1], [2])
def cls_hit():
    match p:
        case P(x, y):
            pass
def cls_kw_hit():
    match p:
        case P(a=x):
            pass
def cls_no_args():
    match p:
        case P():
            pass
def cls_miss():
    match 5:
        case P(x, y):
            pass
def cls_attr_missing():
    match p:
        case P(zz=x):
            pass
d = {"k": [1], "j": [2]}
def map_hit():
    match d:
        case {"k": v}:
            pass
def map_miss():
    match d:
        case {"nope": v}:
            pass
def map_rest():
    match d:
        case {"k": v, **rest}:
            pass
def seq_hit():
    match [p, p]:
        case [x, y]:
            pass
def seq_star():
    match [p, p, p]:
        case [x, *rest]:
            pass
for f in [cls_hit, cls_kw_hit, cls_no_args, cls_miss, cls_attr_missing, map_hit, map_miss, map_rest, seq_hit, seq_star]:
    print(f.__name__, delta(f))

obj = object()
base = sys.getrefcount(obj)
match [obj, obj]:
    case [first, second]:
        print("two bindings:", sys.getrefcount(obj) - base)
del first, second
print("after del:", sys.getrefcount(obj) - base)
match P(obj, 0):
    case P(q, 0):
        print("class capture:", sys.getrefcount(obj) - base)
del q
print("after del:", sys.getrefcount(obj) - base)

def make():
    match (10, 20):
        case (u, v):
            def inner():
                return u + v
    return inner, u
f, u0 = make()
print(f(), u0, f.__code__.co_freevars, make.__code__.co_cellvars, make.__code__.co_varnames)

class Body:
    match {"x": 3}:
        case {"x": xx}:
            got = xx * 2
print(Body.xx, Body.got)

def gen():
    for v in [1, [2, 3], {"k": 4}, P(5, 6)]:
        match v:
            case int():
                yield "int"
            case [a, b]:
                yield a + b
            case {"k": k}:
                yield k
            case P(a, b):
                yield (a, b)
print(list(gen()))
gc.enable()
