# id: syn_42_starred_assign_display
# source: python/cpython:Python/compile.c (compiler_visit_stmt Assign_kind, starunpack_helper: a display with a starred item is BUILD_LIST/LIST_EXTEND/LIST_TO_TUPLE; unpack_helper: UNPACK_EX for a starred target), Python/compile.c of 3.11 (optimize_basic_block: BUILD_TUPLE n + UNPACK_SEQUENCE n becomes SWAP only for BUILD_TUPLE), Lib/inspect.py (getframeinfo: `frame, *positions = (frame, *positions)`)
# property: an assignment whose two sides have the same number of items compiles when either side has a starred item (no SWAP shortcut), with CPython's values
rest = [1, 2, 3]
first = 0
a, *b = (first, *rest)
print(a, b)
a, *b = (first, *rest[1:])
print(a, b)
*a, b = (first, *rest)
print(a, b)
x, y = (*rest[:2],)
print(x, y)
p, q = 1, 2
p, q = q, p
print(p, q)
c, d, e = [*'ab', 'c']
print(c, d, e)
if rest:
    f, *g = (0, *rest)
else:
    f, *g = (0, *rest)
print(f, g)
