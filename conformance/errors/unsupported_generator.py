# bad input: an asynchronous generator (`yield` inside `async def`) is outside the subset; generator
# expressions reading a local of their function are closures now (cases/functions, cases/generators)
async def ticks(n):
    for i in range(n):
        yield i
print(ticks)
