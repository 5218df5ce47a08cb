# bad input: try/except is outside the subset
x = 1
try:
    x = 2
except ValueError:
    pass
print(x)
