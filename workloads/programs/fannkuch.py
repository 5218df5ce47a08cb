# fannkuch: refheap's own implementation of the classic fannkuch-redux benchmark (the Computer Language
# Benchmarks Game's workload, also run by pyperformance as bm_fannkuch): for every permutation of 0..n-1,
# repeatedly reverse the first k+1 elements, k being the first element, until 0 comes first, and count
# the reversals ("pancake flips"). Written for refheap from the well-known description of the workload,
# not from any existing program, so its timings are comparable in shape, not identical in work, to
# pyperformance's.
# Prints a deterministic checksum: the alternating sum of the flip counts over the permutations in the
# order generated, and the largest flip count.


def count_flips(perm, n):
    deck = perm[:]
    flips = 0
    top = deck[0]
    while top != 0:
        lo = 0
        hi = top
        while lo < hi:
            deck[lo], deck[hi] = deck[hi], deck[lo]
            lo += 1
            hi -= 1
        flips += 1
        top = deck[0]
    return flips


def fannkuch(n):
    # Permutations in the order of a rotation counter: turn[i] counts how often the prefix of
    # length i + 1 has been rotated left by one; when it reaches i + 1 the prefix is back where it
    # started and the next longer prefix rotates once.
    perm = list(range(n))
    turn = [0] * n
    checksum = 0
    most = 0
    sign = 1
    while True:
        flips = count_flips(perm, n)
        if flips > most:
            most = flips
        checksum += sign * flips
        sign = -sign
        i = 1
        while i < n:
            first = perm[0]
            for k in range(i):
                perm[k] = perm[k + 1]
            perm[i] = first
            turn[i] += 1
            if turn[i] <= i:
                break
            turn[i] = 0
            i += 1
        if i >= n:
            return [checksum, most]


TEST_SIZE = 6  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 9       # permutation length

result = fannkuch(SIZE)
print(result[0])
print("Pfannkuchen(%d) = %d" % (SIZE, result[1]))
