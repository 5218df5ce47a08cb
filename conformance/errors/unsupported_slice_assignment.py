# bad input: slice assignment is outside the subset (del of a slice is in)
l = [1, 2, 3]
l[0:2] = [9]
print(l)
