# bad input: malformed assignment
x = 1
y = = 2
print(x)
