# bad input: an asynchronous comprehension (PEP 530: `async for` in a comprehension) is outside the subset; async for and async with statements are not (case gen_07)
x = 1
async def f(it):
    return [v async for v in it]
print(x)
