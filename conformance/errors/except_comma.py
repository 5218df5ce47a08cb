# bad input: 2.x's `except type, name` is a syntax error in 3.x (Grammar/python.gram invalid_except_stmt)
try:
    pass
except ValueError, e:
    pass
