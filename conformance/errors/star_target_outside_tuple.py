# bad input: a starred assignment target alone (Python/compile.c compiler_visit_expr1: Starred_kind in a Store context outside a list or tuple)
a = [1]
*b = a
