# workload: seed_05_thresholds
# seed: gc.get_threshold() is (700, 10, 10); gc.set_threshold(700, 10, 5) makes generation 2 more eager;
# every 10 generation-0 collections one generation-1, every 10 of those one generation 2.
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
print(gc.get_threshold())
gc.set_threshold(700, 10, 5)
print(gc.get_threshold())
gc.collect()
print(gc.get_count())
before = gc.get_stats()
keep = []
for i in range(8500):
    keep.append([])
after = gc.get_stats()
print("gen0 collections:", after[0]["collections"] - before[0]["collections"])
print("gen1 collections:", after[1]["collections"] - before[1]["collections"])
print("gen2 collections:", after[2]["collections"] - before[2]["collections"])
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
