# id: mod_73_pickle_pure
# source: python/cpython:Lib/pickle.py (_Pickler.save, save_list/save_dict/save_tuple/save_str/save_long/save_float/save_bytes/save_reduce, memoize, _Unpickler.load, _dumps, _loads over io.BytesIO); Modules/_io/bytesio.c (the file both use); Modules/_pickle.c (the same bytes, what CPython runs)
# property: pickle without _pickle: refheap runs Lib/pickle.py's pure-Python Pickler/Unpickler over io.BytesIO,
#   whose output is byte for byte what CPython's C pickler writes for protocols 0-3 (lists, dicts, tuples,
#   str with non-ASCII text, small/large/negative ints, floats and -0.0, bytes, shared references through the
#   memo, OrderedDict and Counter by reduce), and loads gives back equal objects with the sharing kept;
#   several dumps on one file and an Unpickler reading them back in turn; pure-Python errors on bad data
import pickle, collections, io

objs = [[1, 2, [3]], {'a': 1, 'b': (2, 3)}, (1, 'x', None, True, False), 'h\xe9llo \u20ac', 12345678901234567890,
        -5, 3.25, -0.0, [], (), {}, 2 ** 70, [[1, 2]] * 3, collections.OrderedDict(a=1, b=2), collections.Counter('abca')]
shared = [1, 2]
objs.append([shared, shared, (shared,)])
for proto in range(0, 4):
    for o in objs:
        s = pickle.dumps(o, proto)
        r = pickle.loads(s)
        print(proto, type(r).__name__, r == o, len(s), s if len(s) < 60 else s[:60])
print(pickle.loads(pickle.dumps(b'by\x00tes', 3)), pickle.dumps(b'by\x00tes', 3))
r = pickle.loads(pickle.dumps(objs[-1], 2))
print(r[0] is r[1], r[2][0] is r[0], r[0] is shared)
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump([1, 'a'])
p.dump({'k': (1.5,)})
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load(), f.tell() == len(f.getvalue()))
for bad in (b'\x80\x02K', b'\x80\x02]q\x00(K\x01', b'', b'\x80\x09N.'):
    try:
        print(pickle._loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
