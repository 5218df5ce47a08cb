# bigfact: refheap's own implementation of classic big-integer tasks: factorials by a product tree, their
# digit sums and trailing zeros, Fibonacci numbers by fast doubling, a modular-exponent check
# (Fermat's little theorem on primes from a generator sieve), and bit lengths and popcounts of the results.
# Written for refheap from the textbook algorithms, not from an existing program.
# Prints a deterministic checksum of each part.

TEST_SIZE = 20
SIZE = 2000


def product(lo, hi):
    if hi - lo <= 8:
        r = 1
        for k in range(lo, hi):
            r *= k
        return r
    mid = (lo + hi) // 2
    return product(lo, mid) * product(mid, hi)


def fib(n):
    # fast doubling: (F(n), F(n+1))
    if n == 0:
        return 0, 1
    a, b = fib(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2:
        return d, c + d
    return c, d


def primes():
    found = []
    k = 2
    while True:
        if all(k % p for p in found if p * p <= k):
            found.append(k)
            yield k
        k += 1


def rounds(r):
    # r rounds over factorials 1000..1399 and Fibonacci numbers: digit sums, bits and residues summed
    digits = ones = res = 0
    for k in range(r):
        m = 1000 + k % 400
        f = product(1, m + 1)
        digits += sum(map(int, str(f)))
        ones += bin(f).count("1")
        a, b = fib(m * 3 + k)
        res = (res * 31 + a % 1000000007 + b.bit_length()) % 1000000007
    print("rounds", r, digits, ones, res)


def main(n):
    f = product(1, n + 1)
    s = str(f)
    zeros = len(s) - len(s.rstrip("0"))
    print("factorial %d: %d digits, digit sum %d, %d trailing zeros" % (n, len(s), sum(map(int, s)), zeros))
    print("bits", f.bit_length(), "ones", f.bit_count() if hasattr(f, "bit_count") else bin(f).count("1"))
    fn, fn1 = fib(n * 3)
    print("fib", n * 3, str(fn)[:20], str(fn)[-20:], len(str(fn1)), fn1 % 1000000007)
    gen = primes()
    ps = [next(gen) for _ in range(n // 10 + 5)]
    base = 7 ** 50
    ok = all(pow(base, p - 1, p) == 1 for p in ps if base % p)
    print("primes", len(ps), ps[-3:], "fermat", ok, sum(pow(3, p, 1000003) for p in ps))
    print("gcd-like", divmod(f, fn1 + 1)[1] % 1000, (f >> 100) & 0xFFFF, -f // (fn + 1) < 0)


main(1400)
rounds(SIZE)
