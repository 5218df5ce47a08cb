# bad input: special methods other than __init__ and __del__ are never called by refheap's evaluator, so
# a class that defines one is refused instead of silently comparing/printing/hashing as a plain object
class A:
    def __eq__(self, other):
        return True
print(A() == A())
