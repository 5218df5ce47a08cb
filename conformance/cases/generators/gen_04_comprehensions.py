# id: gen_04_comprehensions
# source: python/cpython:Python/compile.c (compiler_comprehension, compiler_sync_comprehension_generator: a <genexpr> function taking the first iterator as .0, later clauses and conditions inside it; LIST_APPEND/SET_ADD/MAP_ADD); Python/symtable.c (comprehension scopes); Lib/test/test_genexps.py; Lib/test/test_listcomps.py; Lib/test/test_dictcomps.py
# property: generator expressions are generators (lazy, GC-tracked, sized by their code) consumed by for, list, tuple, sum, sorted, min, max, any, all, in, zip, map, enumerate and unpacking; the first iterable is evaluated at once, the rest lazily; list, set and dict comprehensions with several for/if clauses give CPython's results; a comprehension makes the function object 3.11 makes (gc counts)
import gc
import sys

data = [3, 1, 4, 1, 5, 9, 2, 6]
words = ["alpha", "beta", "gamma"]
print(sum(x * x for x in data))
print(list(x for x in data if x % 2))
print(tuple(w.upper() for w in words))
print(sorted((x for x in data), reverse=True))
print(min(x for x in data), max(len(w) for w in words))
print(any(x > 8 for x in data), all(x > 0 for x in data))
print(4 in (x for x in data), 7 in (x for x in data))
print(list(zip((x for x in range(3)), "abc")))
print(list(map(str, (x + 1 for x in range(3)))))
print(list(enumerate(w[0] for w in words)))
a, b, c = (len(w) for w in words)
print(a, b, c)
print(list((i, j) for i in range(3) for j in range(i)))
print(list(x for row in [[1, 2], [3], []] for x in row if x != 2))
g = (x for x in data)
print(type(g).__name__, g.__name__, gc.is_tracked(g), sys.getsizeof(g))
print(next(g), next(g), list(g))
first = [1, 2, 3]
lazy = (x * 10 for x in first)
first.append(4)
print(list(lazy))
print([(i, j) for i in range(3) for j in range(3) if i < j])
print([c for w in words for c in w if c in "aeiou"])
print(sorted({x % 4 for x in data for y in range(2)}))
print({w: len(w) for w in words})
print({k: v for k, v in zip("abc", range(3)) if v})
print({(i, j): i * j for i in range(2) for j in range(2)})
nested = [[y for y in range(x)] for x in range(4)]
print(nested)
gc.collect()
before = gc.get_count()[0]
squares = [x * x for x in range(5)]
print(gc.get_count()[0] - before)
before = gc.get_count()[0]
table = {x: x for x in range(5)}
print(gc.get_count()[0] - before)
before = gc.get_count()[0]
pairs = [(x, y) for x in range(3) for y in range(2)]
print(gc.get_count()[0] - before)
