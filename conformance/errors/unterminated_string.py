# bad input: string literal not closed
x = 1
print("hello)
