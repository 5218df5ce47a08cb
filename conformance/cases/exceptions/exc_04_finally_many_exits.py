# id: exc_04_finally_many_exits
# source: CPython 3.11 Python/compile.c (compiler_unwind_fblock_stack: the blocks popped while a
# return/break/continue inlines a finally body are restored for the code after it;
# compiler_try_finally); Lib/test/test_grammar.py:GrammarTests.test_return_in_finally /
# Lib/test/test_exceptions.py
# property: a try/finally with several exits (return in both branches of an if, break and continue
# in a loop, returns nested in two finally blocks, a with inside) runs its finally body once per exit
# with the returned value kept, and leaves the stack balanced: the values, the order of the finally
# prints, the refcount of the returned object and the live-object count after many calls
from __future__ import print_function
import sys
import gc


def two_returns(x, objs):
    try:
        xs = [o for o in objs]
        if x:
            return ('then', len(xs))
        else:
            return ('else', len(xs))
    finally:
        print('finally', x)


def three_exits(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            if i == 5:
                return out
            out.append(i)
        finally:
            out.append(-i)
    return out


def nested(x):
    try:
        try:
            if x == 0:
                return 'inner0'
            elif x == 1:
                return 'inner1'
        finally:
            print('inner finally', x)
        if x == 2:
            return 'outer2'
        return 'outer'
    finally:
        print('outer finally', x)


class CM(object):
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *a):
        print('exit', a[0] is None)
        return False


def with_returns(x):
    try:
        with CM():
            if x:
                return 'w1'
            else:
                return 'w0'
    finally:
        print('after with', x)


print(two_returns(0, [1, 2]), two_returns(1, [3]))
print(three_exits(2), three_exits(6))
for x in range(4):
    print(nested(x))
print(with_returns(0), with_returns(1))

sentinel = object()


def keep(x):
    try:
        if x:
            return sentinel
        else:
            return sentinel
    finally:
        pass


base = sys.getrefcount(sentinel)
r = [keep(i % 2) for i in range(1000)]
print(sys.getrefcount(sentinel) - base)
del r
print(sys.getrefcount(sentinel) - base)
gc.collect()
before = len(gc.get_objects())
for i in range(200):
    two_returns(i % 2, [i]) if i == 0 else keep(i % 2)
    nested(i % 3) if i < 0 else None
print(len(gc.get_objects()) - before)
