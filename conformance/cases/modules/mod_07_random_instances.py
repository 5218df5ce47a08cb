# id: mod_07_random_instances
# source: python/cpython:Lib/random.py 3.11 (Random.__init__, seed, _randbelow_with_getrandbits, randrange, randint, choice, shuffle, sample, uniform, gauss); Modules/_randommodule.c (random_new, random_seed, random_init, _random_Random_getrandbits_impl); Lib/test/test_random.py:MersenneTwister_TestBasicOps
# property: random.Random(seed) objects each have their own Mersenne Twister: CPython's numbers for int seeds of any size and sign, float and bool seeds, reseeding, interleaved generators and the module's own generator independent; the object's size and tracking
import random, sys, gc
for seed in (0, 1, 42, -1, -42, 2**32, 2**32 + 1, 2**64 + 7, -(2**70), 12345678901234567890, 3.25, True):
    r = random.Random(seed)
    print(seed, r.random(), r.getrandbits(5), r.getrandbits(70), r.randrange(100), r.randint(-5, 5), r.choice('abcdefg'), r.uniform(1, 3), r.gauss(0, 1))
a, b = random.Random(7), random.Random(7)
random.seed(7)
print(a.random(), random.random(), b.random(), a.random(), b.random(), random.random())
l = list(range(20))
a.shuffle(l)
print(l, a.sample(range(50), 6), a.randrange(0, 100, 7), a.choice([1, 2, 3]))
a.seed(7)
print(a.random() == b.__class__(7).random(), type(a).__name__, isinstance(a, random.Random))
print(sys.getsizeof(a), gc.is_tracked(a))
def tryit(f, *args):
    try:
        print('ok', f(*args))
    except Exception as e:
        print(type(e).__name__, e)
tryit(a.randrange, 0)
tryit(a.choice, [])
tryit(a.getrandbits, -1)
tryit(random.Random, [1])
