# bad input: f-strings are outside the subset
x = 1
print(f"x={x}")
