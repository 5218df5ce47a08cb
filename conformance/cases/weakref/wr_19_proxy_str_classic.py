# id: wr_19_proxy_str_classic
# source: python/cpython:Objects/weakrefobject.c (weakref_repr: Py_TYPE(referent)->tp_name and its __name__; proxy_str: str() of the referent, ReferenceError once dead; proxy_repr); Objects/classobject.c of 2.7 (class_str "module.name", PyInstance_Type "instance", PyClass_Type "classobj")
# property: str() and print() of a weakref.proxy give the referent's str, its repr stays the proxy's;
#   a weakref's repr names the referent's type: under 2.7 a classic instance's is 'instance' and
#   a classic class's 'classobj' (with the class name); str() of a 2.7 classic class is '__main__.C1'
from __future__ import print_function
import weakref
class C1:
    def __str__(self):
        return 'str of C1'
class N(object):
    pass
def cb(r):
    print('cb')
def noaddr(o):
    words = []
    for w in repr(o).split(' '):
        if w.startswith('0x'):
            w = '0x?' + w[2:].lstrip('0123456789abcdef')
        words.append(w)
    return ' '.join(words)
c, n = C1(), N()
pc, pn = weakref.proxy(c), weakref.proxy(n, cb)
print(pc, str(pn) == str(n), '%s' % pc, repr(pn) == repr(n), repr(pn).startswith('<weakproxy at 0x'))
print(noaddr(weakref.ref(c, cb)))
print(noaddr(weakref.ref(n)))
print(noaddr(weakref.ref(C1)))
print(str(C1) == repr(C1), str(C1)[:10])
del c, n
print(len(repr(pc)) > 0)
