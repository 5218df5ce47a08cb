# id: mod_24_errno
# source: python/cpython:Modules/errnomodule.c (errno_exec, add_errcode)
# property: errno: every name Linux's <errno.h> gives CPython (values, the set of names, 2.7's smaller set), errorcode mapping
#   each number to the name entered last for it (EAGAIN/EWOULDBLOCK, EDEADLK/EDEADLOCK, EOPNOTSUPP/ENOTSUP), errorcode's size
#   and the number of names sharing a number; errno is not a package and its doc string's first line
from __future__ import print_function
import errno
names = sorted(k for k in dir(errno) if k.startswith('E'))
print(len(names))
print(' '.join(names))
print(' '.join('%s=%d' % (k, getattr(errno, k)) for k in names))
print(len(errno.errorcode), len(names) - len(errno.errorcode))
print(sorted(errno.errorcode.items()))
for k in names:
    if errno.errorcode[getattr(errno, k)] != k:
        print('alias', k, '->', errno.errorcode[getattr(errno, k)])
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EINTR, errno.errorcode[errno.ENOENT])
print(type(errno.errorcode).__name__, type(errno.EPERM).__name__)
print(errno.__doc__.splitlines()[0])
print(hasattr(errno, '__path__'), errno.__name__)
print(hasattr(errno, 'EFOO'), hasattr(errno, 'ENOTSUP'))
