# bad input: async with outside an async function (Python/compile.c compiler_async_with: "'async with' outside async function")
def f(cm):
    async with cm:
        pass
