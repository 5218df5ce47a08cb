# id: dm_94_str_subclass_new
# source: python/cpython:Objects/unicodeobject.c (unicode_new_impl, unicode_subtype_new, PyUnicode_FromEncodedObject,
# unicode_getnewargs); Objects/typeobject.c (tp_new_wrapper, slot_tp_new, slot_tp_str, slot_tp_repr,
# slot_tp_hash, slot_tp_richcompare, super_getattro); Objects/object.c (PyObject_Str, PyObject_Format)
# property: a class deriving from str is made with str's arguments (object, or bytes with encoding/errors),
# through str.__new__ and super().__new__ in its own __new__, and __init__ sees the original arguments; a
# subclass's __str__/__repr__/__eq__/__hash__/__format__ are what str(), print, repr, f-strings, %, ==,
# dicts and format use; copy.copy goes through __reduce_ex__ and __getnewargs__
import copy


class S(str):
    pass


class R(str):
    def __repr__(self):
        return "R(" + str.__repr__(self) + ")"

    def __str__(self):
        return "R-str"


class E(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 7


class F(str):
    def __format__(self, spec):
        return "F[" + spec + "]"


class N(str):
    def __new__(cls, v, times=2):
        self = super().__new__(cls, v * times)
        self.times = times
        return self


class I(str):
    def __init__(self, v):
        self.note = repr(v)


def tn(x):
    return type(x).__name__


print(S(), S(5), S(2.5), S([1, "a"]), S(None), S(b"x", "ascii"), S(b"\xc3\xa9", "utf-8"), S(b"a\xffb", "latin-1", "strict"))
print(S(b"ab", errors="strict"), S(object="kw"), S(encoding="ascii"), tn(S(5)), tn(S()), len(S(b"\xe2\x82\xac", "utf-8")))
x = str.__new__(S, "made")
print(x, tn(x), tn(str.__new__(str, "plain")), str.__new__(str) == "", tn(S.__new__(S, 1)))
for bad in (lambda: str.__new__(int), lambda: str.__new__(5), lambda: S(5, "ascii"), lambda: S("x", "ascii"),
            lambda: S(1, 2, 3, 4), lambda: S(b"x", 5), lambda: S(bogus=1), lambda: S(b"\xff", "ascii")):
    try:
        bad()
    except (TypeError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
n = N("ab")
print(n, tn(n), n.times, N("x", 3), N("x", times=1).times, n.upper())
i = I(b"val")
print(i, i.note, tn(i))
try:
    I("val", note="n")
except TypeError as e:
    print("TypeError", e)
r = R("x")
print(r, repr(r), str(r), tn(str(r)), f"{r}", f"{r!r}", "%s|%r" % (r, r), format(r), format(r, ">4"), [r], r + "y", r.upper())
e = E("q")
print(e == "z", "z" == e, e != "q", hash(e), {e: 1}.get("q"), {e: 1}.get(E("w")), e in {"q"}, len({e, E("w")}))
f = F("f")
print(f"{f}", f"{f:>5}", format(f, "x"), "{}|{:y}".format(f, f), "%s" % f)
c = copy.copy(S("cc"))
c2 = copy.copy(n)
print(c, tn(c), c2, tn(c2), c2.times, S("z").__getnewargs__(), tn(S("z").__getnewargs__()[0]))
print(S.__new__ is str.__new__, str.__new__ is str.__new__, S.__str__ is str.__str__, tn(S("a").__str__()), S("a").__repr__())
