# id: str_01_methods
# source: python/cpython:Objects/unicodeobject.c (split, rsplit, splitlines, PyUnicode_Join, replace, any_find_slice, unicode_count, tailmatch, do_strip/do_argstrip, pad, unicode_center_impl, unicode_zfill_impl, unicode_expandtabs_impl, case_operation, do_title/do_capitalize/do_swapcase, handle_capital_sigma, unicode_result_unchanged); Objects/stringlib/split.h, partition.h; Objects/clinic/unicodeobject.c.h (argument errors)
# property: the str methods programs use give CPython's results for ASCII, Latin-1, Greek and Cyrillic text, return the str itself when they have nothing to do, build lists of CPython's sizes (split's preallocation, rsplit's reversal, splitlines' appends), and raise CPython's TypeError/ValueError messages in the three argument styles
import sys
s = "  Hello, World  "
print(s.split(), s.split(","), s.split(",", 0), "a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c ".rsplit(None, 1))
print("a,b,,c".rsplit(","), "a,b,,c".rsplit(",", 1), "abc".rsplit("x"), " a b ".rsplit(), "".split(), "".split(","))
print("a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h".splitlines(), "x\ny\n".splitlines(True), "one".splitlines(), "".splitlines())
print("-".join(["a", "b", "c"]), "".join(("x",)), ", ".join([str(i) for i in range(3)]), "-".join("xyz"))
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abab".replace("ab", ""))
print("hello".find("l"), "hello".rfind("l"), "hello".find("l", 3), "hello".find("l", -1), "hello".find("z"), "hello".find(""), "hello".find("", 10))
print("hello".index("e"), "hello".rindex("l"), "hello".count("l"), "hello".count(""), "aaaa".count("aa"), "hello".count("l", 3, 4), "hello".find("lo", None, None))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo", 0, 5), "hello".endswith("lo", 0, 4), "hello".startswith("", 5), "hello".startswith("", 6))
print(repr("xxhixx".strip("x")), repr("  hi \n".strip()), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("xi")), repr("\u3000a\xa0".strip()))
print("hello world".upper(), "HeLLo".lower(), "hello world foo".title(), "hELLO wORLD".capitalize(), "Hello".swapcase(), "Straße".casefold(), "Straße".upper(), "ß".title())
print("they're bill's".title(), "ΣΑΣ ΟΔΟΣ".lower(), "αβγ".upper(), "привет".upper(), "µÿ".upper())
print("123".isdigit(), "12a".isdigit(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "".isspace())
print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "a1".islower(), "1".islower(), "Hello World".istitle(), "Hello world".istitle(), "_x1".isidentifier(), "1x".isidentifier(), "é".isidentifier())
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6)), repr("ab".ljust(5, "-")), repr("ab".rjust(5)), repr("42".zfill(5)), repr("-42".zfill(5)), repr("+".zfill(3)))
print("a,b,c".partition(","), "a,b,c".rpartition(","), "abc".partition("x"), "abc".rpartition("x"))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\n\tc".expandtabs(2)), "x".isascii(), "é".isascii(), "ab\x01".isprintable())
print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "ab" in "cabd", "" in "x", "ab" * 3, 3 * "-", "abc" < "abd", "B" > "a", "a" <= "a")
# identities: nothing to do returns the str itself (unicode_result_unchanged)
t = "hello world"
for r in (t.strip(), t.lstrip(), t.rstrip("x"), t.replace("z", "y"), t.replace("l", "L", 0), t.center(3), t.ljust(5), t.rjust(11), t.zfill(2),
          t.expandtabs(), t.split("z")[0], t.rsplit("z")[0], t.partition("z")[0], t.rpartition("z")[2], t.removeprefix("x"), t.splitlines()[0], t[:], "".join([t]), format(t), "{}".format(t) is t):
    print(r is t, end=" ")
print()
print(sys.getsizeof("hello".upper()), sys.getsizeof("é".upper()+"x"), sys.getsizeof("a,b".split(",")), sys.getsizeof("a b c d".rsplit()), sys.getsizeof("a\nb".splitlines()))
print(sys.getrefcount(t) - sys.getrefcount("zzz unique"))
try:
    print('"a".center()', '->', repr("a".center()))
except Exception as e:
    print('"a".center()', '->', type(e).__name__, e)
try:
    print('"a".center(5, "ab")', '->', repr("a".center(5, "ab")))
except Exception as e:
    print('"a".center(5, "ab")', '->', type(e).__name__, e)
try:
    print('"a".center(5, 3)', '->', repr("a".center(5, 3)))
except Exception as e:
    print('"a".center(5, 3)', '->', type(e).__name__, e)
try:
    print('"a".strip(1)', '->', repr("a".strip(1)))
except Exception as e:
    print('"a".strip(1)', '->', type(e).__name__, e)
try:
    print('"a".strip("a","b")', '->', repr("a".strip("a","b")))
except Exception as e:
    print('"a".strip("a","b")', '->', type(e).__name__, e)
try:
    print('"a".strip(chars="a")', '->', repr("a".strip(chars="a")))
except Exception as e:
    print('"a".strip(chars="a")', '->', type(e).__name__, e)
try:
    print('"a".find()', '->', repr("a".find()))
except Exception as e:
    print('"a".find()', '->', type(e).__name__, e)
try:
    print('"a".find(1)', '->', repr("a".find(1)))
except Exception as e:
    print('"a".find(1)', '->', type(e).__name__, e)
try:
    print('"a".find("a",1,2,3)', '->', repr("a".find("a",1,2,3)))
except Exception as e:
    print('"a".find("a",1,2,3)', '->', type(e).__name__, e)
try:
    print('"a".index("b")', '->', repr("a".index("b")))
except Exception as e:
    print('"a".index("b")', '->', type(e).__name__, e)
try:
    print('"a".replace("a")', '->', repr("a".replace("a")))
except Exception as e:
    print('"a".replace("a")', '->', type(e).__name__, e)
try:
    print('"a".replace(1,"b")', '->', repr("a".replace(1,"b")))
except Exception as e:
    print('"a".replace(1,"b")', '->', type(e).__name__, e)
try:
    print('"a".startswith(1)', '->', repr("a".startswith(1)))
except Exception as e:
    print('"a".startswith(1)', '->', type(e).__name__, e)
try:
    print('"a".startswith((1,))', '->', repr("a".startswith((1,))))
except Exception as e:
    print('"a".startswith((1,))', '->', type(e).__name__, e)
try:
    print('"a".partition("")', '->', repr("a".partition("")))
except Exception as e:
    print('"a".partition("")', '->', type(e).__name__, e)
try:
    print('"a".partition(1)', '->', repr("a".partition(1)))
except Exception as e:
    print('"a".partition(1)', '->', type(e).__name__, e)
try:
    print('"a".split("")', '->', repr("a".split("")))
except Exception as e:
    print('"a".split("")', '->', type(e).__name__, e)
try:
    print('"a".split(1)', '->', repr("a".split(1)))
except Exception as e:
    print('"a".split(1)', '->', type(e).__name__, e)
try:
    print('"a".zfill("a")', '->', repr("a".zfill("a")))
except Exception as e:
    print('"a".zfill("a")', '->', type(e).__name__, e)
try:
    print('"a".expandtabs("x")', '->', repr("a".expandtabs("x")))
except Exception as e:
    print('"a".expandtabs("x")', '->', type(e).__name__, e)
try:
    print('"a".join([1])', '->', repr("a".join([1])))
except Exception as e:
    print('"a".join([1])', '->', type(e).__name__, e)
try:
    print('"a".join(5)', '->', repr("a".join(5)))
except Exception as e:
    print('"a".join(5)', '->', type(e).__name__, e)
try:
    print('"a".splitlines(1,2)', '->', repr("a".splitlines(1,2)))
except Exception as e:
    print('"a".splitlines(1,2)', '->', type(e).__name__, e)
try:
    print('"a".upper(1)', '->', repr("a".upper(1)))
except Exception as e:
    print('"a".upper(1)', '->', type(e).__name__, e)
try:
    print('"a".count()', '->', repr("a".count()))
except Exception as e:
    print('"a".count()', '->', type(e).__name__, e)
try:
    print('"a".rsplit(maxsplit="a")', '->', repr("a".rsplit(maxsplit="a")))
except Exception as e:
    print('"a".rsplit(maxsplit="a")', '->', type(e).__name__, e)
try:
    print('"a".center(5.0)', '->', repr("a".center(5.0)))
except Exception as e:
    print('"a".center(5.0)', '->', type(e).__name__, e)
try:
    print('"a".split(x=1)', '->', repr("a".split(x=1)))
except Exception as e:
    print('"a".split(x=1)', '->', type(e).__name__, e)
try:
    print('"a".ljust(-1)', '->', repr("a".ljust(-1)))
except Exception as e:
    print('"a".ljust(-1)', '->', type(e).__name__, e)
try:
    print('"a".zfill()', '->', repr("a".zfill()))
except Exception as e:
    print('"a".zfill()', '->', type(e).__name__, e)
try:
    print('"a".partition()', '->', repr("a".partition()))
except Exception as e:
    print('"a".partition()', '->', type(e).__name__, e)
try:
    print('"a".find("a", x=1)', '->', repr("a".find("a", x=1)))
except Exception as e:
    print('"a".find("a", x=1)', '->', type(e).__name__, e)
try:
    print('"a".expandtabs(1,2)', '->', repr("a".expandtabs(1,2)))
except Exception as e:
    print('"a".expandtabs(1,2)', '->', type(e).__name__, e)
try:
    print('"a".split(1,2,3)', '->', repr("a".split(1,2,3)))
except Exception as e:
    print('"a".split(1,2,3)', '->', type(e).__name__, e)
try:
    print('"a".upper(x=1)', '->', repr("a".upper(x=1)))
except Exception as e:
    print('"a".upper(x=1)', '->', type(e).__name__, e)
try:
    print('"a".rindex("b")', '->', repr("a".rindex("b")))
except Exception as e:
    print('"a".rindex("b")', '->', type(e).__name__, e)
try:
    print('"a".count("a", "x")', '->', repr("a".count("a", "x")))
except Exception as e:
    print('"a".count("a", "x")', '->', type(e).__name__, e)
try:
    print('"a".join()', '->', repr("a".join()))
except Exception as e:
    print('"a".join()', '->', type(e).__name__, e)
try:
    print('"a".isdigit(1)', '->', repr("a".isdigit(1)))
except Exception as e:
    print('"a".isdigit(1)', '->', type(e).__name__, e)
try:
    print('"a".splitlines(x=1)', '->', repr("a".splitlines(x=1)))
except Exception as e:
    print('"a".splitlines(x=1)', '->', type(e).__name__, e)
try:
    print('"a".removeprefix(1)', '->', repr("a".removeprefix(1)))
except Exception as e:
    print('"a".removeprefix(1)', '->', type(e).__name__, e)
try:
    print('"a".replace("a","b","c")', '->', repr("a".replace("a","b","c")))
except Exception as e:
    print('"a".replace("a","b","c")', '->', type(e).__name__, e)
try:
    print('"a".split(sep=",", maxsplit=1)', '->', repr("a".split(sep=",", maxsplit=1)))
except Exception as e:
    print('"a".split(sep=",", maxsplit=1)', '->', type(e).__name__, e)
try:
    print('"a b".split(maxsplit=0)', '->', repr("a b".split(maxsplit=0)))
except Exception as e:
    print('"a b".split(maxsplit=0)', '->', type(e).__name__, e)
