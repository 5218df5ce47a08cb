# id: mod_03_time
# source: python/cpython:Modules/timemodule.c (time_time, time_perf_counter, time_process_time, time_monotonic, time_sleep, the _ns forms); Python/pytime.c (_PyTime_AsSecondsDouble)
# property: the clocks exist, are monotonic where documented, return float (int for _ns), sleep waits at least its argument and refuses a negative length; only deterministic facts are printed
import time
t0 = time.time(); p0 = time.perf_counter(); c0 = time.process_time(); m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.01, time.process_time() >= c0, time.monotonic() > m0, type(time.time_ns()), type(time.perf_counter_ns()))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
from time import perf_counter, sleep
a = perf_counter()
sleep(0)
print(perf_counter() >= a, type(time.time()).__name__, type(time.monotonic_ns()).__name__, type(time.process_time_ns()).__name__)
