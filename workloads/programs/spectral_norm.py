# spectral_norm: refheap's own implementation of the classic spectral-norm benchmark (the Computer Language
# Benchmarks Game's workload, also run by pyperformance): the largest singular value of the infinite matrix
# A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to SIZE x SIZE, by the power method on A^T A.
# Written for refheap from the well-known description of the workload, not from any existing program, so
# its timings are comparable in shape, not identical in work, to pyperformance's bm_spectral_norm.
# Prints a deterministic checksum: the norm to 9 decimals.


def matrix_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times_a(vec, n):
    # (A v)[i] = sum over j of A(i, j) v[j]
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += matrix_entry(i, j) * vec[j]
        out.append(acc)
    return out


def times_a_transposed(vec, n):
    # (A^T v)[i] = sum over j of A(j, i) v[j]
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += matrix_entry(j, i) * vec[j]
        out.append(acc)
    return out


def times_ata(vec, n):
    return times_a_transposed(times_a(vec, n), n)


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for rounds in range(10):
        v = times_ata(u, n)
        u = times_ata(v, n)
    uv = 0.0
    vv = 0.0
    for k in range(n):
        uv += u[k] * v[k]
        vv += v[k] * v[k]
    return (uv / vv) ** 0.5


TEST_SIZE = 20  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 300      # the matrix order

print("%.9f" % spectral_norm(SIZE))
