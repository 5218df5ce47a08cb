# bad input: `from m import *` only at module level (symtable.c symtable_visit_alias: a SyntaxError in CPython)
from gc import collect
def f():
    from gc import *
collect()
