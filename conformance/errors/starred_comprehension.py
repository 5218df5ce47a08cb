# bad input: iterable unpacking as a comprehension's element (Grammar/python.gram invalid_comprehension)
b = [[1]]
y = [*a for a in b]
