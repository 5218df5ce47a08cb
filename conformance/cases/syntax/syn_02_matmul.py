# id: syn_02_matmul
# source: python/cpython:Objects/typeobject.c (slotdefs: __matmul__/__rmatmul__/__imatmul__, SLOT1BINFULL); Objects/abstract.c (PyNumber_MatrixMultiply, PyNumber_InPlaceMatrixMultiply, binop_type_error)
# property: @ and @= dispatch through nb_matrix_multiply / nb_inplace_matrix_multiply (reflected operand, in-place fallback) and fail with CPython's TypeError texts, '@=' for the in-place form
class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return ('mm', self.v, o)
    def __rmatmul__(self, o): return ('rmm', self.v, o)
    def __repr__(self): return 'M(%r)' % (self.v,)
class I(M):
    def __imatmul__(self, o): self.v = (self.v, o); return self
a = M(1); b = M(2)
print(a @ b, 3 @ a, a @ 4)
x = a; x @= 5; print(x)
y = I(7); z = y; y @= 8; print(y, z is y)
try: 1 @ 2
except TypeError as e: print(e)
try:
    q = 1; q @= [1]
except TypeError as e: print(e)
class N:
    def __matmul__(self, o): return NotImplemented
try: N() @ N()
except TypeError as e: print(e)
print(hasattr(int, '__matmul__'), type(M(0) @ 1).__name__)
q=1
try:
    q **= 'a'
except TypeError as e: print(e)
try:
    q += 'a'
except TypeError as e: print(e)
q=[]
try:
    q *= 'a'
except TypeError as e: print(e)
