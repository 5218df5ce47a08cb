# bad input: a malformed f-string (an unknown conversion character) is a syntax error before anything runs
x = 1
print("before")
print(f"x={x!z}")
