# difftest known class code_tuple_merge: profile py311
import sys
v1 = (2,)
v2 = ('a', 'b')
v3 = ('q',)
def f(q):
    return a + b
w = [x * 2 for x in range(3)]
print(sys.getrefcount(v1), sys.getrefcount(v2), sys.getrefcount(v3))
