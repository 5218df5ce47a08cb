# id: mod_02_random
# source: python/cpython:Modules/_randommodule.c (init_genrand, init_by_array, genrand_uint32, random_seed, _random_Random_random_impl, _random_Random_getrandbits_impl); Lib/random.py 3.11 (_randbelow_with_getrandbits, randrange, randint, choice, shuffle, sample, choices, uniform, gauss, normalvariate, expovariate); Lib/test/test_random.py:MersenneTwister_TestBasicOps
# property: a seeded program prints CPython's numbers: the Mersenne Twister seeded from the 32-bit words of abs(n) (ints of any size, bools) or a float's hash, random()'s 53 bits, getrandbits of any width, and the Python layer's use of them step by step; the error messages
import random
random.seed(12345)
print(random.random(), random.random(), random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
print([random.randint(1, 6) for i in range(10)], random.randrange(10), random.randrange(5, 50, 5), random.randrange(10, 0, -3))
l = list(range(10))
random.shuffle(l)
print(l, random.choice("abcdef"), random.choice([1, 2, 3]), random.sample(range(100), 5), random.sample([1, 2, 3, 4], 4), random.sample(range(1000), 30)[:5])
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(0.5), random.choices("abc", k=5), random.choices("abc", [1, 2, 7], k=5))
for s in (0, 1, -1, 2**32, 2**64 + 5, 2**100, 3.5, True):
    random.seed(s)
    print(s, random.random(), random.randrange(1000))
random.seed()
x = random.random()
print(0 <= x < 1)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError", e)
try:
    random.randrange(5, 5)
except ValueError as e:
    print("ValueError", e)
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError", e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)

