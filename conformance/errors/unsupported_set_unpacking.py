# bad input: unpacking into a set display ({*a}) is outside the subset (plain set displays are in it)
a = [1, 2]
s = {*a, 3}
print(len(s))
