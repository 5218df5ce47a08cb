# id: mod_81_time_struct
# source: python/cpython:Modules/timemodule.c (time_gmtime, time_localtime, tmtotuple, gettmarg, checktm, time_strftime, time_mktime, struct_time_type_fields); Python/pytime.c (_PyTime_ObjectToTime_t); Lib/test/test_time.py
# property: time.gmtime/localtime make a time.struct_time (9 fields in the sequence, tm_zone and tm_gmtoff as
#           attributes only; months from 1, Monday 0, yday from 1), floats floored; strftime over a struct_time or
#           a 9-tuple with checktm's errors; mktime inverts localtime; logging's time formatting
import sys
import time

g = time.gmtime(86400 * 365 + 3661.9)
print(g, len(g), tuple(g), g.tm_zone, g.tm_gmtoff, g[0], g[-1], g[2:5])
print(type(g).__name__, isinstance(g, tuple), type(g) is time.struct_time, sys.getsizeof(g) == sys.getsizeof(time.gmtime(0)))
print(time.gmtime(-1.5)[:6], time.gmtime(0).tm_wday, time.gmtime(0).tm_yday)
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b %%", g))
print(time.strftime("%Y/%m/%d", (2020, 2, 29, 0, 0, 0, 5, 60, 0)), time.strftime("", g) == "")
print(time.strftime("%d.%m", (2021, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0),
            (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0),
            (1, 2, 3), "x"]:
    try:
        time.strftime("%Y", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
t = 1700000000
lt = time.localtime(t)
print(time.mktime(lt) == t, type(time.mktime(lt)).__name__, lt.tm_isdst in (0, 1), isinstance(lt.tm_gmtoff, int))
print(time.localtime(None)[0] >= 2024, time.gmtime()[0] >= 2024, len(time.strftime("%H:%M")))
try:
    time.gmtime(1e300)
except OverflowError as e:
    print("OverflowError", e)
try:
    time.gmtime("0")
except TypeError as e:
    print("TypeError", e)
ct = time.gmtime(1234567890)
print("%s,%03d" % (time.strftime("%Y-%m-%d %H:%M:%S", ct), 123))
