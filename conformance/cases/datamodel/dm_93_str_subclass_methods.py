# id: dm_93_str_subclass_methods
# source: python/cpython:Objects/unicodeobject.c (unicode_result_unchanged, PyUnicode_Concat, unicode_repeat,
# unicode_subscript, unicode_str, unicode___format__, PyUnicode_Format, _PyUnicode_JoinArray);
# Objects/stringlib/split.h, partition.h (STRINGLIB_CHECK_EXACT; partition keeps str_obj); Objects/dictobject.c
# (PyUnicode_CheckExact on the unicode-key paths); Objects/setobject.c set_lookkey
# property: str's methods and operators work on a subclass's instance and give exact str where CPython makes
# one (a copy even when nothing changes, except partition/rpartition and format's no-field case, which
# return the instance itself); hashing, ==, <, dict and set membership are str's; the instance is never
# interned
import sys


class S(str):
    pass


def tn(x):
    return type(x).__name__


s = S("Hello World")
print(s, repr(s), len(s), s == "Hello World", "Hello World" == s, s != "x", s < "I", s > "A")
print(hash(s) == hash("Hello World"), {s: 1}["Hello World"], {"Hello World": 2}[s], s in {"Hello World"}, "Hello World" in {s})
print(tn(s.upper()), tn(s.lower()), tn(s.strip()), tn(s.replace("z", "y")), tn(s.replace("o", "0")), tn(s.center(3)), tn(s.zfill(2)))
print(tn(s.ljust(1)), tn(s.rjust(1)), tn(s.expandtabs()), tn(s.removeprefix("q")), tn(s.removesuffix("q")), tn(s.title()), tn(s.casefold()))
print(tn(s + ""), tn("" + s), tn(s + "!"), tn(s * 1), tn(s * 2), tn(s[:]), tn(s[0]), tn(s[0:5]), tn(s[::1]), tn(s[::-1]))
print([tn(p) for p in s.split()], [tn(p) for p in s.split("z")], [tn(p) for p in s.rsplit("z")], [tn(p) for p in S("one").splitlines()])
print([tn(p) for p in s.partition("z")], [tn(p) for p in s.rpartition("z")], [tn(p) for p in s.partition(" ")])
print(tn("".join([s])), tn("-".join([s, s])), tn(str(s)), tn(s.__str__()), tn(s.format()), tn(S("{}").format(1)))
print(tn(f"{s}"), tn(format(s)), tn(format(s, "")), tn(format(s, "<3")), tn("%s" % s), tn("%s" % (s,)), tn(s % ()))
print(f"{s!r:>20}|{s:^15}|{s:.3}", "%r|%-13s|%.4s" % (s, s, s), format(s, "*>14"))
print(s.find("o"), s.rfind("o"), s.count("l"), s.index("W"), s.startswith("He"), s.endswith(("x", "ld")), "lo W" in s, s.isalpha())
print(s.encode(), S("\xe9t\xe9").encode("utf-8"), S("\u20ac").encode("utf-8"), list(S("abc")), sorted(S("cab")), ord(S("A")))
print(int(S("42")), float(S("2.5")), S("%d-%s") % (3, "x"), S("a,b,,c").split(","), S(" x ").strip() == "x")
print(sorted([S("b"), "a", S("c")]), max(S("b"), S("a")), min("b", S("a")), tn(max(S("b"), S("a"))))
d = {}
d[S("k")] = 1
d["k"] += 1
print(d, len(d), tn(list(d)[0]))
st = {S("k"), "k", S("j")}
print(len(st), sorted(st))
try:
    sys.intern(S("name"))
except TypeError as e:
    print("TypeError", e)
n = sys.intern("plainname")
print(n == S("plainname"), n is sys.intern("plainname"))
