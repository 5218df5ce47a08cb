# id: syn_03_dict_unpack
# source: python/cpython:Python/compile.c (compiler_dict, compiler_subdict); Python/ceval.c (DICT_UPDATE, DICT_MERGE); Objects/dictobject.c (dict_merge); Objects/abstract.c (PyMapping_Keys, method_output_as_list)
# property: {**m, k: v} builds the first run with BUILD_MAP and merges the rest with DICT_UPDATE (later keys win, sizes as CPython's merge), any mapping with keys() works, and non-mappings fail with CPython's messages; f(**a, **b) still refuses duplicates
import sys
a = {'x': 1, 'y': 2}
b = {'y': 3, 'z': 4}
d = {**a, 'k': 0, **b}
print(d, sys.getsizeof(d))
print({**a}, sys.getsizeof({**a}), {'q': 1, **a, 'x': 9})
print({}, {**{}}, sys.getsizeof({**{}}))
class Map:
    def keys(self): return ['m', 'n']
    def __getitem__(self, k): return k * 2
print({**Map(), 'm': 0})
class Bad:
    def keys(self): return 5
    def __getitem__(self, k): return k
for v in (1, [1, 2], Bad()):
    try: {**v}
    except TypeError as e: print(type(e).__name__, e)
def f(**kw): return kw
try: f(**a, **b)
except TypeError as e: print(e)
try: f(**a, x=2)
except TypeError as e: print(e)
print(f(**a, **{'w': 5}))
big = {**{i: i for i in range(10)}, **{i: -i for i in range(5, 20)}}
print(len(big), sys.getsizeof(big), list(big)[:3])
