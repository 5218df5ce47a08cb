# id: tb_01_expression_positions
# source: python/cpython:Python/traceback.c (tb_displayline, extract_anchors_from_line,
#   print_error_location_carets); Python/compile.c (compiler_visit_expr SET_LOC, maybe_optimize_method_call,
#   compiler_augassign); Lib/test/test_traceback.py (TracebackErrorLocationCaretTests)
# property: 3.11's position lines under a traceback's source lines: `^` under the failing call, attribute,
#   statement; `~~^~~` for binary operators (one- and two-character, a parenthesised left operand) and
#   `~~~^^^` for subscripts; no line when the position covers the whole stripped line; a multi-line call is
#   underlined to the end of its first line; columns count characters, not UTF-8 bytes; tab indentation;
#   a trailing comment keeps a statement's underline; repeated recursive entries print theirs once
import sys


def show(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)


class Box:
    def __init__(self):
        self.items = {"a": {"b": 1}}

    def method(self, n):
        return self.items["a"]["c"] + n


def divide(a, b):
    return a // b


def power(a):
    return a ** "x"


def call_in_assignment():
    result = divide(1, 0)
    return result


def whole_line_call():
    divide(1, 0)


def attribute():
    box = Box()
    return box.missing + 1


def method_call():
    box = Box()
    value = box.method(1)
    return value


def multi_line_call():
    value = divide(1,
                   0)
    return value


def non_ascii():
    pair = ("héllo wörld", len(5))
    return pair


def parenthesised(lst):
    return (lst) * 2 / 0


def subscript_of_call():
    return dict(a=1)["b"]


def with_comment():
    raise ValueError("x")  # the statement's position, not the comment's


def tab_indented():
	value = [1, 2][3]
	return value


def recurse(n):
    return recurse(n + 1) if n < 6 else n / 0


def augmented():
    total = 1
    total += "s"
    return total


for fn in (call_in_assignment, whole_line_call, attribute, method_call, multi_line_call, non_ascii,
           subscript_of_call, with_comment, tab_indented, augmented):
    show(fn)
show(parenthesised, [1])
show(power, 2)
show(recurse, 0)
print("done", file=sys.stderr)
x = {"k": [1, 2]}
y = x["k"][1] + x["k"][2]
