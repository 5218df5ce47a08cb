# id: itt_05_errors
# source: python/cpython:Modules/clinic/itertoolsmodule.c.h (the Argument Clinic parsers); python/cpython:Modules/itertoolsmodule.c (count_new, repeat_new, islice_new, zip_longest_new, product_new, permutations_new_impl, combinations_new_impl, itertools_tee_impl, teedataobject_getitem)
# property: argument errors of every constructor with CPython's exception type and wording: too many / missing arguments,
# unknown keywords, positional-only constructors, islice's bounds, negative r / n / repeat, re-entering a tee
import itertools as it
tests = [
    ("count('a')", lambda: it.count('a')), ("count(1, 'a')", lambda: it.count(1, 'a')),
    ("count(1, 2, 3)", lambda: it.count(1, 2, 3)), ("count(x=1)", lambda: it.count(x=1)),
    ("cycle()", lambda: it.cycle()), ("cycle(1)", lambda: it.cycle(1)), ("cycle(x=1)", lambda: it.cycle(x=1)),
    ("repeat()", lambda: it.repeat()), ("repeat(1, 2, 3)", lambda: it.repeat(1, 2, 3)),
    ("repeat(1, 'a')", lambda: it.repeat(1, 'a')), ("repeat(1, x=2)", lambda: it.repeat(1, x=2)),
    ("accumulate()", lambda: it.accumulate()), ("accumulate([1], None, None)", lambda: it.accumulate([1], None, None)),
    ("chain(x=1)", lambda: it.chain(x=1)), ("list(chain(1))", lambda: list(it.chain(1))),
    ("chain.from_iterable()", lambda: it.chain.from_iterable()),
    ("compress([1])", lambda: it.compress([1])), ("dropwhile(None)", lambda: it.dropwhile(None)),
    ("takewhile(None, [1], 2)", lambda: it.takewhile(None, [1], 2)), ("dropwhile(x=1)", lambda: it.dropwhile(x=1)),
    ("filterfalse(1)", lambda: it.filterfalse(1)), ("starmap(f=None)", lambda: it.starmap(f=None)),
    ("list(starmap(pow, [1]))", lambda: list(it.starmap(pow, [1]))),
    ("groupby()", lambda: it.groupby()), ("groupby([], None, 1)", lambda: it.groupby([], None, 1)),
    ("groupby([], x=1)", lambda: it.groupby([], x=1)),
    ("islice([1])", lambda: it.islice([1])), ("islice([1], 1, 2, 3, 4)", lambda: it.islice([1], 1, 2, 3, 4)),
    ("islice([1], -1)", lambda: it.islice([1], -1)), ("islice([1], 'a')", lambda: it.islice([1], 'a')),
    ("islice([1], -1, 2)", lambda: it.islice([1], -1, 2)), ("islice([1], 1, -2)", lambda: it.islice([1], 1, -2)),
    ("islice([1], 1, 2, 0)", lambda: it.islice([1], 1, 2, 0)), ("islice([1], stop=2)", lambda: it.islice([1], stop=2)),
    ("islice([1], 2**70)", lambda: it.islice([1], 2**70)), ("islice([1], 1.5)", lambda: it.islice([1], 1.5)),
    ("pairwise()", lambda: it.pairwise()), ("pairwise(iterable=[])", lambda: it.pairwise(iterable=[])),
    ("tee()", lambda: it.tee()), ("tee([], -1)", lambda: it.tee([], -1)), ("tee([], 'a')", lambda: it.tee([], 'a')),
    ("tee([], 2, 3)", lambda: it.tee([], 2, 3)), ("tee(iterable=[])", lambda: it.tee(iterable=[])),
    ("zip_longest([], x=1)", lambda: it.zip_longest([], x=1)), ("zip_longest(1)", lambda: it.zip_longest(1)),
    ("product([], repeat=-1)", lambda: it.product([], repeat=-1)), ("product([], x=1)", lambda: it.product([], x=1)),
    ("product(1)", lambda: it.product(1)),
    ("permutations([], -1)", lambda: it.permutations([], -1)), ("permutations([], 'a')", lambda: it.permutations([], 'a')),
    ("permutations([1], 2, 3)", lambda: it.permutations([1], 2, 3)),
    ("combinations([])", lambda: it.combinations([])), ("combinations([], -1)", lambda: it.combinations([], -1)),
    ("combinations([1], x=1)", lambda: it.combinations([1], x=1)),
    ("combinations([1], r=1, x=1)", lambda: it.combinations([1], r=1, x=1)),
    ("combinations_with_replacement([], 'a')", lambda: it.combinations_with_replacement([], 'a')),
    ("count(1)[0]", lambda: it.count(1)[0]), ("len(repeat(1, 3))", lambda: len(it.repeat(1, 3))),
    ("next(repeat(1, 0))", lambda: next(it.repeat(1, 0))),
]
for text, f in tests:
    try:
        r = f()
        print(text, "->", type(r).__name__)
    except Exception as e:
        print(text, "!!", type(e).__name__, e)
def reenter():
    def gen():
        yield next(t[0])
    t = it.tee(gen())
    return next(t[0])
try:
    reenter()
except RuntimeError as e:
    print("tee", type(e).__name__, e)
