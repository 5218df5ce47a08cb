# hostile: the recursion limit raised far above what the C stack holds, then runaway recursion, a deep
# repr and a deep comparison: each must end in RecursionError (the C stack bound of rh_recursion_enter),
# never a crash (or, where the C stack holds it, a result). CPython 3.11 runs the Python recursion (no C recursion for Python-to-Python calls) but
# crashes on the deep repr.
import sys
sys.setrecursionlimit(1000000)


def g():
    return g()


try:
    g()
except RecursionError as e:
    print(e)
x = []
y = []
for i in range(60):  # 3,600 levels, within the fuzzer's allocation cap (small ints are cached)
    for j in range(60):
        x = [x]
        y = [y]
try:
    repr(x)
except RecursionError as e:
    print(e)
try:
    x == y
except RecursionError as e:
    print(e)
sys.setrecursionlimit(2147483647)
g()
