"""A long-running server-like program whose working set grows and shrinks in waves: each wave accepts
"requests" (dicts parsed from JSON text, per-session lists of strings and byte buffers), keeps sessions
alive in a table until the wave's peak, then expires most of them. Between waves a small cache survives,
as in a real service. refheap.mark() names every peak and trough."""
import gc
import json
import random

import refheap

rng = random.Random(1234)
cache = {}


def request(i):
    text = json.dumps({"id": i, "user": "u%05d" % rng.randrange(50000), "items": list(range(i % 17)),
                       "note": "x" * rng.randrange(10, 300)})
    req = json.loads(text)
    req["buf"] = bytes(rng.randrange(64, 2048))
    req["tags"] = ["t%d" % (i % 23), "s%d" % (i % 7)]
    return req


refheap.mark("start")
for wave, size in enumerate((8000, 16000, 5000, 16000)):
    sessions = {}
    for i in range(size):
        sessions[i] = request(i)
        if i % 97 == 0:
            cache[(wave, i)] = sessions[i]["user"]
    refheap.mark("wave %d peak" % wave)
    for i in range(size):
        if i % 10:
            del sessions[i]
    gc.collect()
    refheap.mark("wave %d trough" % wave)
    del sessions
    gc.collect()
    refheap.mark("wave %d idle" % wave)
print(len(cache))
