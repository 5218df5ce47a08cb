# bad input: asynchronous iteration (`async for`) is outside the subset
x = 1
async def f(it):
    async for v in it:
        return v
print(x)
