# bad input: a lambda is never async, so await in its body is outside an async function (Python/compile.c compiler_visit_expr1, Await_kind)
async def f(x):
    return lambda: await x
