# bad input: a starred expression outside a display, call or target (Python/compile.c compiler_visit_expr1, Starred_kind)
a = [1]
x = *a
