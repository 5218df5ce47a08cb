# id: re_02_finditer_scanner
# source: python/cpython:Modules/_sre/sre.c (_sre_SRE_Pattern_finditer_impl, _sre_SRE_Pattern_scanner_impl, _sre_SRE_Scanner_match_impl, _sre_SRE_Scanner_search_impl, scanner_members); Objects/iterobject.c (PyCallIter_New, calliter_iternext); Python/bltinmodule.c (builtin_iter); Lib/string.py (Template.get_identifiers); Lib/test/test_re.py (test_finditer, test_bug_581080, test_bug_817234, test_scanner)
# property: Pattern.finditer is iter(scanner.search, None), a callable_iterator of Match objects with the
#   original pos/endpos, empty matches moving the next attempt on; Pattern.scanner's match/search continue
#   from the last end and give None for good after a failure; iter(callable, sentinel) in general (sentinel
#   compared with ==, StopIteration ends it, exhausted stays exhausted); the errors; string.Template's
#   get_identifiers runs on it
import re
import string
import sys

p = re.compile(r"(\w)(\d)?")
print([m.span() for m in p.finditer("a1 b c3")], [m.groups() for m in p.finditer("a1 b c3")])
print([m.group() for m in re.finditer(r"\b|x", "ab x")], [m.span() for m in re.finditer("", "abc")])
it = re.compile("a*").finditer("baaab", 1, 4)
print(type(it).__name__, iter(it) is it, [(m.span(), m.pos, m.endpos) for m in it], list(it))
print([m.span() for m in re.compile(b"a+").finditer(bytearray(b"xaaxa"))], [m[0] for m in re.finditer("(?i)A", "aA")])
s = p.scanner("a1b")
print(type(s).__name__, s.pattern is p, s.match(), s.search(), s.match(), s.search(), s.search())
s = p.scanner("a b")
print(s.match(), s.match(), s.search())
s = re.compile("").scanner("ab", pos=1)
print([s.search().span() for _ in range(2)], s.search())
print(string.Template("$a and ${b} $$ $a ${c}").get_identifiers())
for call in (lambda: p.finditer(5), lambda: p.scanner("x").match(1), lambda: re.compile(b"a").finditer("a"),
             lambda: p.finditer("a", "b"), lambda: iter(5, None), lambda: iter(len)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
c = iter([1, 2, 3, 0, 5].pop, 3)
print(type(c).__name__, list(c), list(c))


def stops():
    raise StopIteration


calls = []


def counter():
    calls.append(1)
    if len(calls) == 3:
        raise ValueError("third")
    return len(calls)


print(list(iter(stops, 1)), sys.getsizeof(iter(stops, 1)))
c = iter(counter, 99)
print(next(c), next(c))
try:
    next(c)
except ValueError as e:
    print("ValueError", e)
print(next(c), len(calls))
