# bad input: a bracket never closed
l = [1, 2,
print(l)
