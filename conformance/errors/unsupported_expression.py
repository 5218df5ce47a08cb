# bad input: lambda is outside the subset
import gc
f = lambda x: x + 1
print(f(1))
