# float: refheap's own implementation of the classic float benchmark (the shape of pyperformance's
# bm_float): make SIZE point objects from sines and cosines, normalise each to unit length, then reduce
# them to the component-wise maximum. The workload language has no math module, so sin and cos are
# computed here (reduction to [-pi, pi], then a Taylor series) and sqrt is `** 0.5`; that adds float work
# of the same kind. Written for refheap from the well-known description of the workload, not from any
# existing program, so its timings are comparable in shape, not identical in work, to pyperformance's.
# Prints a deterministic checksum: the maximum point's coordinates to 9 decimals.

PI = 3.141592653589793
TWO_PI = 2.0 * PI


def reduce_angle(a):
    # The angle in [-pi, pi] with the same sine and cosine.
    turns = int(a / TWO_PI)
    a = a - turns * TWO_PI
    if a > PI:
        a -= TWO_PI
    elif a < -PI:
        a += TWO_PI
    return a


def series(a, term, k):
    # term, then each following term of the alternating series a^k/k! with k rising by 2.
    total = term
    a2 = a * a
    while k < 30:
        term = -term * a2 / ((k + 1) * (k + 2))
        total += term
        k += 2
    return total


def sine(a):
    a = reduce_angle(a)
    return series(a, a, 1)


def cosine(a):
    a = reduce_angle(a)
    return series(a, 1.0, 0)


class Point:
    def __init__(self, seed):
        self.x = sine(seed)
        self.y = cosine(seed) * 3.0
        self.z = self.x * self.x / 2.0

    def normalise(self):
        length = (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5
        self.x = self.x / length
        self.y = self.y / length
        self.z = self.z / length

    def take_max(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


def run(count):
    points = [Point(float(k)) for k in range(count)]
    for p in points:
        p.normalise()
    best = points[0]
    for p in points[1:]:
        best = best.take_max(p)
    return best


TEST_SIZE = 1000  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 100000     # points

top = run(SIZE)
print("max point: %.9f %.9f %.9f" % (top.x, top.y, top.z))
