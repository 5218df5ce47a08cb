# id: exc_08_exception_groups
# source: python/cpython:Objects/exceptions.c (BaseExceptionGroup_new, BaseExceptionGroup_str, BaseExceptionGroup_derive, exceptiongroup_split_recursive, exceptiongroup_subset, BaseExceptionGroup_split, BaseExceptionGroup_subgroup, _PyExc_InitTypes's ExceptionGroup); Lib/traceback.py (TracebackException's exceptions, _ExceptionPrintContext); Lib/test/test_exception_group.py
# property: PEP 654 groups: BaseExceptionGroup(msg, excs) becomes ExceptionGroup when every item is an Exception,
#           the errors of __new__, message/exceptions/str/repr, split and subgroup by type, tuple and predicate
#           (derive keeping __traceback__/__context__/__cause__/__notes__), sizes and GC tracking, and the
#           traceback module's rendering of a raised group
# oom-degrades: Lib/linecache.py getlines catches a MemoryError in updatecache and returns [] (the line drops)
import gc
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep

eg = BaseExceptionGroup("many", [ValueError(1), TypeError(2)])
print(type(eg).__name__, [c.__name__ for c in type(eg).__mro__], type(eg).__module__)
print(str(eg), repr(eg), eg.args, eg.message, eg.exceptions)
print(str(ExceptionGroup("one", (KeyError("k"),))))
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(bg).__name__, isinstance(bg, Exception), isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
print(sys.getsizeof(eg) - sys.getsizeof(ValueError()), sys.getsizeof(bg) - sys.getsizeof(ValueError()))
print(gc.is_tracked(eg), sys.getrefcount(eg.exceptions[0]))

bad = [(1, [ValueError()]), ("m", []), ("m", ValueError()), ("m", [1]), ("m", [ValueError(), 2]), ("m",),
       ("m", "ab"), ("m", "")]
for args in bad:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as x:
        print(type(x).__name__, x)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as x:
    print("TypeError", x)


class MyGroup(ExceptionGroup):
    pass


try:
    MyGroup("m", [SystemExit()])
except TypeError as x:
    print("TypeError", x)
print(type(MyGroup("m", [ValueError()])).__name__)

# split and subgroup
leaf_v, leaf_t, leaf_k = ValueError("v"), TypeError("t"), KeyError("k")
inner = ExceptionGroup("inner", [leaf_t, leaf_k])
outer = ExceptionGroup("outer", [leaf_v, inner])
outer.add_note("a note")
outer.__cause__ = RuntimeError("cause")
match, rest = outer.split(TypeError)
print(repr(match), repr(rest))
print(match.__notes__, match.__notes__ is outer.__notes__, match.__cause__ is outer.__cause__)
print(match.exceptions[0].exceptions[0] is leaf_t, rest.exceptions[0] is leaf_v)
print(repr(outer.subgroup((ValueError, KeyError))))
print(outer.subgroup(lambda e: isinstance(e, ExceptionGroup)) is outer)
print(outer.subgroup(OSError), outer.split(OSError)[1] is outer, outer.split(Exception)[0] is outer)
print(repr(outer.subgroup(lambda e: str(e) == "k")))
for m in (1, (ValueError, 1)):
    try:
        outer.split(m)
    except TypeError as x:
        print("TypeError", x)
d = outer.derive([leaf_v])
print(type(d).__name__, repr(d), d.__notes__ if hasattr(d, "__notes__") else "no notes")


class Derived(ExceptionGroup):
    def derive(self, excs):
        return Derived(self.message + "!", excs)


dg = Derived("d", [ValueError(1), TypeError(2)])
print(repr(dg.split(ValueError)))

# the traceback module draws a raised group
def fail(n):
    raise ValueError(n)

errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
try:
    raise ExceptionGroup("two failures", errors)
except ExceptionGroup as e:
    print(traceback.format_exc().replace(HERE, ""))
del errors
gc.collect()
