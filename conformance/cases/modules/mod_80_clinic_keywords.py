# id: mod_80_clinic_keywords
# source: python/cpython:Python/getargs.c (_PyArg_UnpackKeywords: "takes at most %d %sargument%s", "takes %s %d positional argument%s", "missing required argument"; error_unexpected_keyword_arg); Modules/clinic/posixmodule.c.h, Modules/_sre/clinic/sre.c.h, Modules/clinic/itertoolsmodule.c.h
# property: native functions with keyword parameters reject bad calls with Argument Clinic's messages, checked in CPython's order (too many, too many positional, missing, given twice, unknown keyword)
import os, re, itertools

def show(f):
    try:
        r = f()
        print("ok", r)
    except TypeError as e:
        print("TypeError", e)

p = re.compile("a")
show(lambda: os.stat("a", "b", "c", "d"))
show(lambda: os.stat("a", None))
show(lambda: os.stat(dir_fd=None, follow_symlinks=True, path="x", bad=1))
show(lambda: os.stat(follow_symlinks=True))
show(lambda: os.mkdir("x", path="y"))
show(lambda: os.mkdir("x", 0o777, nope=1))
show(lambda: os.access("x", 0, None, False, False, 1))
show(lambda: p.match("a", 0, 1, 2))
show(lambda: p.match(string="a", pos=0, endpos=1, x=2))
show(lambda: p.match(pos=0))
show(lambda: p.match("abc", string="a"))
show(lambda: p.split("a", maxsplit=0, string="b"))
show(lambda: p.sub("b", "a", 0, 1))
show(lambda: p.sub(repl="b", string="aa", count=1))
show(lambda: p.fullmatch("a", pos=0, bogus=1))
show(lambda: p.match("a").groups(None, None))
show(lambda: p.match("a").groupdict(default=1, d=2))
show(lambda: list(itertools.repeat(1, 2, 3)))
show(lambda: list(itertools.repeat(times=2)))
show(lambda: list(itertools.accumulate([1, 2], None, 3)))
show(lambda: list(itertools.accumulate([1, 2], initial=10)))
show(lambda: itertools.count(1, step=2, start=3))
show(lambda: itertools.count(stop=3))
show(lambda: list(itertools.compress("ab", selectors=[1, 0], data="cd")))
show(lambda: list(itertools.permutations("abc", r=2, n=1)))
show(lambda: list(itertools.combinations("abc", 2, 3)))
show(lambda: list(itertools.product("ab", repeat=2, x=1)))
