# id: re_04_sub_templates
# source: python/cpython:Modules/_sre/sre.c (pattern_subx, 3.12 _sre_template_impl, expand_template, match_expand); Lib/re/__init__.py (3.11 _subx/_expand, 3.12 _compile_template); Lib/re/_parser.py (parse_template); Lib/test/test_re.py:ReTests.test_sub_template_numeric_escape, test_re_groupref
# property: replacement templates in sub/subn and Match.expand (group references by number and name, escapes,
#           unmatched groups as empty, bytes, literal-only templates, many chunks) and their errors; where the
#           version has it (3.12+), _sre.template's object: type, size per group reference, GC tracking, the
#           errors of its arguments; _sre.MAGIC is the version's
import gc
import re
import sys

import _sre

print(re.sub("(a)(b)", r"[\2\1]", "xabyab"), re.subn("(a)", r"\n", "aa"))
print(re.match("(a)(b)?", "a").expand(r"<\1\2>"), re.match(r"(?P<k>\w+)=(?P<v>\d+)", "x=12").expand(r"\g<v>:\g<k>"))
print(re.sub(r"(?P<n>a)", r"\g<n>!\g<0>", "bab"), re.compile("(a)").sub(r"\1\1", "aa"))
print(re.sub(b"(a)", rb"<\1>", b"xaya"), re.sub("(x)?(a)", r"\1\2\1\2\1\2\1\2\1\2\1\2-", "aa"))
print(repr(re.sub("a", r"\t\101", "a")), re.sub("(.)", r"\1" * 12, "ab"))
for bad in (r"\2", r"\g<x>", r"\g<1", "\\", r"\x41"):
    try:
        re.sub("(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
print(type(_sre.MAGIC).__name__, _sre.MAGIC > 20000000)
if hasattr(_sre, "template"):
    p = re.compile("(a)(b)")
    t = _sre.template(p, ["x", 1, "y", 2, ""])
    print(type(t).__name__, sys.getsizeof(t) - sys.getsizeof(_sre.template(p, ["x"])), gc.is_tracked(t) in (True, False))
    print(sys.getsizeof(_sre.template(p, ["", 2, ""])) - sys.getsizeof(_sre.template(p, ["x"])))
    for tl in (["x", 5, "y"], ["x", -1, "y"], ("x",), ["x", 0], [], ["a", "b", "c"]):
        try:
            print(type(_sre.template(p, tl)).__name__)
        except TypeError as e:
            print("TypeError", e)
    print(re._compile_template(p, r"\2\1") is re._compile_template(p, r"\2\1"))
else:
    print("no _sre.template")
