# id: tb_02_chains_groups_frames
# source: python/cpython:Python/pythonrun.c (print_exception_recursive, print_chained,
#   print_exception_group); Python/traceback.c (tb_displayline with a margin); Python/compile.c
#   (compiler_comprehension, compiler_class: the positions their frames report; a generator expression: 3.11
#   runs list, set and dict comprehensions in frames of their own too, refheap inline: docs/conformance.md)
# property: position lines in every traceback of a chain ("During handling ...", "The above exception was
#   the direct cause ..."), inside exception-group boxes (behind the "| " margin), in generator,
#   comprehension, lambda and class-body frames, and for an error inside an f-string's field
import sys


def gen(values):
    for v in values:
        yield 10 / v


def first():
    try:
        return list(gen([1, 0]))
    except ZeroDivisionError as e:
        raise KeyError("wrapped") from e


def second():
    try:
        first()
    except KeyError:
        return {"a": 1}["missing"]


def comprehension():
    return sum(1 / x for x in (1, 0))


def in_class():
    class Inner:
        value = int("nope")
    return Inner


def formatted(x):
    return f"value: {x + 1}"


def group():
    errors = []
    for fn in (comprehension, in_class, lambda: formatted("s")):
        try:
            fn()
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("several", errors)


try:
    second()
except Exception as e:
    sys.excepthook(type(e), e, e.__traceback__)
print("group next", file=sys.stderr)
group()
