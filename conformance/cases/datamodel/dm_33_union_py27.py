# id: dm_33_union_py27
# source: python/cpython:Objects/typeobject.c (type_or, 3.10+); Objects/abstract.c (binop_type_error);
# Python 2.7 Objects/typeobject.c (type has no nb_or)
# property: | between classes: a types.UnionType from 3.10, the unsupported-operand TypeError in 2.7 (whose
# type has no nb_or: the program stops there with exit status 1)
from __future__ import print_function


class A(object):
    pass


print(type(int).__name__, type(None).__name__)
u = A | None  # 2.7: TypeError here, uncaught (exit 1)
print(u, type(u).__name__, int | str, None | A)
