# id: syn_33_match_classes
# source: python/cpython:Python/compile.c (compiler_pattern_class); Python/ceval.c (MATCH_CLASS, match_class, match_class_attr); Objects/typeobject.c (_Py_TPFLAGS_MATCH_SELF)
# property: class patterns: an isinstance check, positional sub-patterns through __match_args__ (a subclass inherits it), keyword
#   sub-patterns by attribute (a missing attribute fails the case), the built-in types that match the subject itself (bool,
#   bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple and their subclasses), and the TypeErrors of match_class
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return "3d on plane %r %r" % (x, y)
        case Point(x, 0):
            return "on x axis at %r" % x
        case Point(y=0 as yy):
            return "unreachable %r" % yy
        case Point(x=x, y=y) if x == y:
            return "diagonal %r" % x
        case Point(x=1, w=w):
            return "has w %r" % w
        case Point():
            return "some point"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(3, 0), Point(2, 2), Point(1, 5), Point3(1, 2, 0), Point3(1, 2, 3), 5]:
    print(where(p))
q = Point(1, 9)
q.w = "w!"
print(where(q))

class MyList(list):
    pass
for v in [True, 3, MyList([4]), 2.5, "s", b"b", bytearray(b"ba"), [1], (1,), {1: 2}, {1}, frozenset([2]), None]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i, type(i).__name__)
        case float(f) | str(f) | bytes(f) | bytearray(f):
            print("scalar", repr(f))
        case list(s) | tuple(s) | dict(s) | set(s) | frozenset(s):
            print("container", s, type(s).__name__, s is v)
        case object():
            print("object", v)

x = 1
class C:
    pass
class D:
    __match_args__ = ("a",)
    a = 1
class E:
    __match_args__ = ["a"]
class F:
    __match_args__ = (1,)
class G(D):
    pass
def t1(v):
    match v:
        case x():
            return "x"
def t2(v):
    match v:
        case C(1):
            return "C"
def t3(v):
    match v:
        case D(1, 2):
            return "D"
def t4(v):
    match v:
        case D(1, a=2):
            return "D"
def t5(v):
    match v:
        case E(1):
            return "E"
def t6(v):
    match v:
        case F(1):
            return "F"
def t7(v):
    match v:
        case int(1, 2):
            return "int"
def t8(v):
    match v:
        case G(a):
            return "G %r" % a
for f, v in [(t1, 3), (t2, C()), (t3, D()), (t4, D()), (t5, E()), (t6, F()), (t7, 1), (t8, G()), (t2, 3)]:
    try:
        print(f.__name__, f(v))
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
