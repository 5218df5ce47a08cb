# id: syn_32_match_mappings
# source: python/cpython:Python/compile.c (compiler_pattern_mapping); Python/ceval.c (MATCH_MAPPING, MATCH_KEYS, match_keys, DICT_UPDATE, DELETE_SUBSCR)
# property: mapping patterns match dict and its subclasses (not lists or objects); extra keys are allowed; keys are looked up with
#   map.get(key, dummy) (a subclass's get runs, __missing__ does not), literal and dotted-name keys; **rest is a new dict without
#   the matched keys (in the subject's order); a value None is a value, a missing key fails
import collections

class Keys:
    A = "a"

def m(x):
    match x:
        case {}:
            pass
    match x:
        case {"a": 1, "b": [x1, *_]}:
            return "a=1 b starts %r" % (x1,)
        case {"a": None}:
            return "a is None"
        case {1: v, **rest}:
            return "1 -> %r rest %r" % (v, rest)
        case {"a": v}:
            return "a -> %r" % (v,)
        case {**rest}:
            return "any mapping %r" % (rest,)
        case _:
            return "no"

for v in [{"a": 1, "b": [5, 6]}, {"a": None}, {"z": 0, 1: "one", 2: "two"}, {"a": 2, "c": 3}, {}, [1], "a", None]:
    try:
        print(m(v))
    except ValueError as e:
        print("ValueError", e)

class D(dict):
    def get(self, key, default=None):
        print("get", key)
        return dict.get(self, key, default)
    def __missing__(self, key):
        print("missing", key)
        return 0
match D(a=1, b=2):
    case {"b": bb, "a": aa}:
        print("D", aa, bb)
match D(a=1):
    case {"zz": _}:
        print("no")
    case _:
        print("zz missing")

dd = collections.defaultdict(list)
match dd:
    case {"x": _}:
        print("created?")
    case _:
        print("defaultdict left alone", dict(dd))

class Sub(dict):
    pass
od = Sub([("k", 1), ("j", 2), ("i", 3)])
match od:
    case {"j": 2, **rest}:
        print(type(rest).__name__, rest, len(od))

# the same key twice, one of them a dotted name: ValueError from MATCH_KEYS once the length check passed
for v in [{"a": 1}, {"a": 1, "b": 2}]:
    try:
        match v:
            case {"a": 1, Keys.A: 1}:
                print("never")
            case _:
                print("length check failed first")
    except ValueError as e:
        print("ValueError", e)
