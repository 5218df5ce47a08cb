# bad input: generator expressions are outside the subset
print(sum(i for i in range(3)))
