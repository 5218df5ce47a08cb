# id: syn_21_print_underscore_name
# source: python/cpython:Grammar/python.gram (star_expressions as an expression statement); Lib/re/_compiler.py (dis's nested print_)
# property: `print_` is an ordinary name: a call of it is an expression statement (re/_compiler.py's dis defines and calls one)
from __future__ import print_function
def outer():
    def print_(*args, **kw):
        print('print_:', *args, **kw)
    print_(1, 2, sep='-')
    print_
    return print_
p = outer()
p('again')
print_ = len
print(print_([1, 2, 3]))
