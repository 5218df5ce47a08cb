# The uncaught ExceptionGroup of Python/pythonrun.c print_exception_group: the "+ Exception Group Traceback" header
# and numbered boxes, notes under each exception line, a nested group, the closing line drawn once.
def f(n):
    raise ValueError(n)
errs = []
for i in range(3):
    try:
        f(i)
    except ValueError as e:
        e.add_note("note %d" % i)
        errs.append(e)
inner = ExceptionGroup("inner", [KeyError("k"), TypeError("t")])
try:
    raise RuntimeError("ctx")
except RuntimeError:
    g = ExceptionGroup("outer", errs + [inner])
    g.add_note("group note\nsecond line")
    raise g
