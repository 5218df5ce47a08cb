# id: tb_03_comprehension_frames
# source: python/cpython:Python/compile.c (compiler_comprehension: a list, set or dict comprehension is a
#   function of its own before 3.12, PEP 709; compiler_set_qualname); Python/traceback.c (PyTraceBack_Here,
#   tb_displayline); Objects/frameobject.c (the frame object made for the traceback)
# property: an error inside a list, set or dict comprehension shows the comprehension's own frame
#   (<listcomp>, <setcomp>, <dictcomp>) after the enclosing frame's entry, which points at the whole
#   comprehension; nested comprehensions show one frame each; the frames' code names and qualnames
#   (f.<locals>.<listcomp>, f.<locals>.<dictcomp>.<listcomp>, C.<setcomp>), their f_back chain and their
#   lines, read through the traceback; the collector counts the frame objects the traceback made
import gc
import sys


def flat(values):
    return [1 / v for v in values]


def nested(rows):
    return {k: [1 / y for y in k] for k in rows}


def walk(e):
    tb = e.__traceback__
    while tb:
        code = tb.tb_frame.f_code
        back = tb.tb_frame.f_back
        print(code.co_name, code.co_qualname, tb.tb_lineno, back.f_code.co_name if back else None)
        tb = tb.tb_next


for fn, arg in ((flat, (2, 0)), (nested, [(1,), (0,)])):
    try:
        fn(arg)
    except ZeroDivisionError as e:
        sys.excepthook(type(e), e, e.__traceback__)
        walk(e)
        del e


class C:
    try:
        sizes = {len(x) for x in [[], 5]}
    except TypeError as e:
        sys.excepthook(type(e), e, e.__traceback__)
        walk(e)
        del e

gc.collect()
before = gc.get_count()[0]
try:
    flat([0])
except ZeroDivisionError:
    pass
print("gc objects made by the failing comprehension:", gc.get_count()[0] - before)
totals = [sum(1 / x for x in row) for row in ([1], [0])]
