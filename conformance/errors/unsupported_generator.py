# bad input: a generator expression reading a local of the enclosing function needs a closure cell
# (a free variable), which the subset does not have yet: refused, not read as a global
def f(n):
    return sum(i * n for i in range(3))
print(f(2))
