# id: fn_13_frame_objects
# source: python/cpython:Objects/frameobject.c (frame_repr, frame_getsetlist: f_locals, f_lineno
# (frame_setlineno's errors outside a trace function), f_trace (frame_settrace), f_lasti, f_globals,
# f_builtins, f_code, f_back; frame_clear: "cannot clear an executing frame", frame_tp_clear);
# Python/frame.c (take_ownership: a finished frame keeps its locals until cleared);
# Lib/test/test_frame.py (ClearTest.test_clear_locals, test_clear_executing, ReprTest)
# property: a frame object's repr is <frame at 0x..., file '...', line N, code NAME> with the line it
# is running (a caller's: its call), f_globals/f_builtins/f_code are the module's dicts and the code
# object, f_trace is None until set and any object can be set or deleted, f_trace_lines/f_trace_opcodes
# are bools, f_lineno cannot be set
# outside a trace function and the other fields are read-only with CPython's messages, clear() refuses
# an executing frame and releases the locals a finished frame kept
import sys
import weakref


def A(fr):
    r = repr(fr)
    at = r.find(" at 0x")
    return (r[:at + 4] + "ADDR" + r[r.find(",", at):]).replace(__file__, "FILE")


here = sys._getframe()
print(A(here))
print(here.f_code.co_name, here.f_globals is globals(), here.f_builtins is __builtins__.__dict__, here.f_back)


def callee():
    fr = sys._getframe()
    return A(fr), A(fr.f_back), fr.f_back is here, fr.f_code is callee.__code__


print(callee())
print(here.f_trace)
here.f_trace = print
print(here.f_trace is print)
del here.f_trace
print(here.f_trace)
here.f_trace = None
print(here.f_trace_lines, here.f_trace_opcodes)
here.f_trace_opcodes = True
here.f_trace_lines = False
print(here.f_trace_lines, here.f_trace_opcodes)
try:
    here.f_trace_lines = 1
except TypeError as e:
    print("f_trace_lines", e)
for name, value in (("f_lineno", 3), ("f_lineno", "x"), ("f_back", None), ("f_locals", {}),
                    ("f_lasti", 0), ("f_globals", {}), ("f_builtins", {}), ("f_code", None),
                    ("other", 1)):
    try:
        setattr(here, name, value)
        print(name, "set")
    except (ValueError, AttributeError) as e:
        print(name, type(e).__name__, e)
try:
    del here.f_lineno
except AttributeError as e:
    print("del f_lineno", e)
try:
    here.clear()
except RuntimeError as e:
    print("RuntimeError", e)


class Local:
    pass


def keeps():
    obj = Local()
    n = 42
    return sys._getframe(), weakref.ref(obj)


fr, r = keeps()
print(sorted(fr.f_locals), r() is not None, fr.f_code.co_name)
print(fr.clear(), fr.f_locals, r())


def fails(v):
    tmp = Local()
    raise ValueError(v)


try:
    fails(7)
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    frame = tb.tb_frame
    print(A(frame), frame.f_lineno == tb.tb_lineno, sorted(frame.f_locals), frame.f_locals["v"])
    print(frame.f_back is here, A(frame.f_back))
    e = tb = None
print(frame.clear(), frame.f_locals)
