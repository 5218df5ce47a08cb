# bad input: `:=` inside a comprehension in a class body (symtable_extend_namedexpr_scope)
class C:
    x = [(y := i) for i in range(3)]
