# bad input: `yield from` inside `async def` (an asynchronous generator may only `yield`; CPython:
# SyntaxError "'yield from' inside async function"); plain async generators are cases/syntax/syn_04
async def ticks(n):
    for i in range(n):
        yield from range(i)
print(ticks)
