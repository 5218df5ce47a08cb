# bad input: async for outside an async function (Python/compile.c compiler_async_for: "'async for' outside async function")
async def g():
    pass
async for x in g():
    pass
