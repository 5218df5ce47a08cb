# runtime error propagates to the top: traceback on stderr, exit 1
def f(x):
    return 1 / x
print("start")
f(0)
