# bad input: the assignment expression ':=' is outside the subset
import gc
f = lambda x: x + 1
if (n := f(1)):
    print(n)
