# bad input: async functions (coroutines) are outside the subset
x = 1
async def f():
    return x
print(x)
