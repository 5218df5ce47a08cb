"""pyperformance-style program (in the spirit of pyperformance's bm_float, bm_nqueens and bm_json_dumps,
written for refheap): many short-lived floats and small objects, generators and sets, dicts turned into
JSON text and back. Runs unchanged on plain CPython (PYTHONPATH=$(refheap shim-path)) and under
`refheap record`."""
import json
from math import cos, sin, sqrt

import refheap


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def bm_float(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def bm_nqueens(count):
    cols = range(count)
    return [vec for vec in permutations(cols)
            if count == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols))]


def bm_json(n):
    data = {"key%d" % i: [i, str(i) * 4, {"nested": float(i), "flag": i % 2 == 0}] for i in range(200)}
    total = 0
    for _ in range(n):
        total += len(json.loads(json.dumps(data)))
    return total


refheap.mark("start")
for rep in range(3):
    bm_float(100000)
    refheap.mark("float %d" % rep)
print(len(bm_nqueens(7)))
refheap.mark("nqueens")
print(bm_json(60))
refheap.mark("json")
