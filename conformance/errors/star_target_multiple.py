# bad input: two starred targets in one unpacking (Python/compile.c unpack_helper: "multiple starred expressions in assignment")
a = [1, 2, 3]
x, *y, *z = a
