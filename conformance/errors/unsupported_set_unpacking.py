# bad input: set displays are outside the subset
s = {1, 2, 3}
print(len(s))
