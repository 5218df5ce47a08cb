# id: exc_07_traceback_module
# source: python/cpython:Lib/traceback.py (format_exc, extract_tb, extract_stack, walk_stack, _walk_tb_with_full_positions); Objects/frameobject.c (frame_getcode, PyFrame_GetBack, frame_getlineno); Objects/codeobject.c (code_positions, code_linesiterator); Python/traceback.c (tb_lasti); Objects/exceptions.c (BaseException_with_traceback, BaseException_add_note, SyntaxError_init, SyntaxError_str); Lib/test/test_traceback.py
# property: the traceback module renders caught exceptions, chains and the running stack from frame and
#           traceback objects (f_code, f_back, f_lineno of callers, tb_lasti as a byte offset into co_positions);
#           with_traceback and add_note; SyntaxError's fields and str; the frame objects a traceback keeps
# oom-degrades: Lib/linecache.py getlines catches a MemoryError in updatecache and returns [] (the line drops)
import gc
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(s):
    return s.replace(HERE, "")


def inner(n):
    if n == 0:
        raise ValueError("deep")
    inner(n - 1)


def outer():
    try:
        inner(2)
    except ValueError as e:
        raise KeyError("wrapped") from e


try:
    outer()
except KeyError:
    text = traceback.format_exc()
    print(clean(text))
    t, v, tb = sys.exc_info()
    print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(tb)])
    print([(fr.f_code.co_name, ln) for fr, ln in traceback.walk_tb(tb)])
    print(tb.tb_lasti % 2, tb.tb_lasti >= 0, type(tb.tb_frame.f_code).__name__)
    print(traceback.format_exception_only(t, v))
    cause = v.__cause__
    print(type(cause).__name__, cause.args, [f.name for f in traceback.extract_tb(cause.__traceback__)])
    del t, v, tb, cause


def who_called():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_lineno, f.f_back.f_back.f_code.co_name)
    stack = traceback.extract_stack()
    print([(s.name, s.lineno) for s in stack])
    print(clean("".join(traceback.format_stack(limit=2))))


def caller():
    who_called()


caller()

# the code object behind a frame
co = sys._getframe().f_code
print(co.co_name, os.path.basename(co.co_filename), co is sys._getframe().f_code)
print(inner.__code__ is inner.__code__, inner.__code__.co_name, inner.__code__.co_firstlineno)
lines = list(inner.__code__.co_lines())
print(all(s % 2 == 0 and e > s for s, e, ln in lines), {19, 20, 21} <= {ln for s, e, ln in lines})
pos = list(inner.__code__.co_positions())
print(len(pos) * 2 == lines[-1][1], all(len(p) == 4 for p in pos))

# print_exc to a file and the chain of a handled error
try:
    try:
        {}.pop("k")
    except KeyError:
        int("x")
except ValueError:
    import io
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(clean(buf.getvalue()))
    print(traceback.format_exc(limit=0).splitlines())
    print(traceback.format_exc(chain=False).count("Traceback"))

# a generator's frame while it runs and once it is suspended
def gen():
    f = sys._getframe()
    yield f.f_code.co_name, f.f_back.f_code.co_name, sorted(f.f_locals)
    yield 2
g = gen()
print(next(g), g.gi_frame.f_code.co_name, g.gi_frame.f_back)
del g

# with_traceback and add_note
e = ValueError("v")
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise e
except ValueError as x:
    tb = x.__traceback__
y = RuntimeError("r").with_traceback(tb)
print(y.__traceback__ is tb, tb.tb_frame.f_code.co_name)
for bad in (1, "x"):
    try:
        y.with_traceback(bad)
    except TypeError as exc:
        print("TypeError", exc)
del tb, y, e
n = OSError("n")
n.add_note("first")
n.add_note("second")
print(n.__notes__)
try:
    n.add_note(3)
except TypeError as exc:
    print("TypeError", exc)
n.__notes__ = ("t",)
try:
    n.add_note("x")
except TypeError as exc:
    print("TypeError", exc)
n.__notes__ = ["keep"]
print("".join(traceback.format_exception(n)))

# SyntaxError as an object
s = SyntaxError("invalid syntax", ("/some/dir/mod.py", 3, 5, "x = (1,\n", 3, 6))
print(str(s), repr(s), s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset)
print(s.print_file_and_line, sys.getsizeof(s) - sys.getsizeof(Exception()))
print("".join(traceback.format_exception_only(SyntaxError, s)), end="")
s.lineno = "x"
print(str(s))
del s.filename
print(str(s), s.filename)
print(str(SyntaxError()), str(SyntaxError("m")), SyntaxError("a", "b", "c").msg, str(SyntaxError("a", "b", "c")))
for info in [(1, 2), (1, 2, 3, 4, 5, 6, 7)]:
    try:
        SyntaxError("m", info)
    except TypeError as exc:
        print("TypeError", exc)
print([c.__name__ for c in TabError.__mro__], IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in BufferError.__mro__], [c.__name__ for c in UnicodeTranslateError.__mro__])

# a stored traceback keeps its frames (and their locals) alive until the cycle is collected
gc.collect()
class Big:
    pass
def keep():
    big = Big()
    try:
        raise ValueError
    except ValueError as e:
        return e
err = keep()
fr = err.__traceback__.tb_frame
print(type(fr).__name__, fr.f_code.co_name, fr.f_back.f_code.co_name, "big" in fr.f_locals, gc.is_tracked(fr))
del fr, err
print(gc.collect() >= 0)
