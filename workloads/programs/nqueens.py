# nqueens: refheap's own implementation of the classic n-queens benchmark in the shape pyperformance's
# bm_nqueens gives it: walk every permutation of the columns (one queen per row and per column) and keep
# those where no two queens share a diagonal. Permutations come from Heap's algorithm. Written for refheap
# from the well-known description of the workload, not from any existing program, so its timings are
# comparable in shape, not identical in work, to pyperformance's.
# Prints a deterministic checksum: the number of solutions and a weighted sum over them.


def safe(cols, n):
    # No two queens on one diagonal: the sums row + col and the differences row - col are all distinct.
    sums = {}
    diffs = {}
    for row in range(n):
        s = row + cols[row]
        d = row - cols[row]
        if s in sums or d in diffs:
            return False
        sums[s] = True
        diffs[d] = True
    return True


def weight(cols, n):
    w = 0
    for row in range(n):
        w = w * n + cols[row]
    return w % 1000003


def queens(n):
    cols = list(range(n))
    counters = [0] * n
    found = 0
    weighted = 0
    if safe(cols, n):
        found += 1
        weighted += weight(cols, n)
    i = 0
    while i < n:
        if counters[i] < i:
            if i % 2 == 0:
                cols[0], cols[i] = cols[i], cols[0]
            else:
                j = counters[i]
                cols[j], cols[i] = cols[i], cols[j]
            if safe(cols, n):
                found += 1
                weighted += weight(cols, n)
            counters[i] += 1
            i = 0
        else:
            counters[i] = 0
            i += 1
    return [found, weighted]


TEST_SIZE = 5  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 9       # board size

result = queens(SIZE)
print("%d queens: %d solutions, checksum %d" % (SIZE, result[0], result[1]))
