# bad input: a starred assignment target ([a, *b] = x, UNPACK_EX) is outside the subset (starred items in displays are in it)
a = [1, 2]
s = [*a, 3]
[x, *rest] = s
print(x, rest)
