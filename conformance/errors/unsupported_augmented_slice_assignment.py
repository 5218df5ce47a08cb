# bad input: augmented slice assignment is outside the subset (slice assignment and del of a slice are in)
l = [1, 2, 3]
l[0:2] += [9]
print(l)
