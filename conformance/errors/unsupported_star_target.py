# bad input: a starred assignment target (a, *b = ...; UNPACK_EX) is outside the subset (starred items in displays are in it)
a = [1, 2, 3]
x, *rest = a
print(rest)
