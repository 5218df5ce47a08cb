# id: imp_02_module_body
# source: python/cpython:Lib/importlib/_bootstrap.py (_load_unlocked: the module body runs with the module's dict as globals, under its own __name__); Python/pythonrun.c (a program runs as __main__)
# property: a module file runs as a program under __name__ == "__main__", and imported (imp_01) under its own
# name; its functions keep its dict as their globals and its classes take __module__ from it
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)

COUNT = 3
_hidden = "one underscore"


class Node(object):
    made = 0

    def __init__(self, v):
        Node.made += 1
        self.v = v

    def __del__(self):
        print("del Node", self.v)


def make(n):
    return [Node(i) for i in range(n)]


def count_plus(k):
    return COUNT + k


def fail():
    return 1 / 0


kept = Node("module-level " + __name__)
print("module body runs as", __name__, Node.__module__, count_plus(1))
if __name__ == "__main__":
    print("run as a program", len(make(2)))
