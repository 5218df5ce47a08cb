# workload: scale/alias_churn — many short-lived objects bound, aliased, rebound and deleted: the
# refcount fast path and the freelists (list, dict, float, tuple) under churn. N is the scale knob.
N = 1000000
import refheap
refheap.mark("churn")
keep = []
total = 0
for i in range(N):
    x = [i, float(i)]
    y = x
    d = {"k": y}
    t = (x, d)
    if i % 1000 == 0:
        keep.append(t)
    del y
    x = None
    total = total + len(d)
print(total, len(keep))
refheap.mark("drop")
del keep
print("done")
