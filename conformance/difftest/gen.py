"""Random programs in refheap's workload language (docs/workload-language.md), for the differential
tester (difftest.py).

A program is a list of top-level *blocks*, each a list of source lines (a block is one statement, or a
few statements that only make sense together, such as `gc.collect()` / statement / `print(gc.get_count())`).
Every block is built from a static model of the program's variables (name -> kind), so the programs
stay inside the subset and raise no exception: the shrinker then removes blocks and lines while the
mismatch persists.

What the programs print is what the model must match: sys.getrefcount and sys.getsizeof of the objects
they build, gc.is_tracked, `is` between results, gc.get_count() after a gc.collect() and one statement,
the number gc.collect() returns, the order of __del__ calls and weakref callbacks, and values.
What they never print: id(), addresses, hashes, refcounts of objects the interpreter shares with its
own start-up (small ints, None, identifier-like constants).

Steering: KNOWN (profile or "all" -> class names, read from KNOWN.md's table by difftest.py) turns off
the choices that reach a known difference: `Gen.allow(class)` guards a construct or an observation,
COUNT_PATTERNS keeps a statement out of the gc.get_count() measurement, Var.obj records what may no
longer be observed of an object (its size, its identity).
"""

import ast
import random
import re

# Kinds of value the static model tracks.
INT, FLOAT, STR, LIST, TUPLE, DICT, INST, WREF, METH = (
    "int", "float", "str", "list", "tuple", "dict", "inst", "wref", "meth")
CONTAINERS = (LIST, TUPLE, DICT, INST)

# Classes of known differences that concern what one statement allocates: a statement matching the
# pattern is never the statement between gc.collect() and print(gc.get_count()) (o_count_delta).
COUNT_PATTERNS = {
    "call_argtuple": r"\b(str|int|min|max|C\d+|weakref\.ref)\(|\.(update|find|startswith|endswith)\(",
    "ctor_freelist": r"\blist\(",
    "star_mixed_call": r", \*[(\[]",
    "const_list_fold": r"\bin \[",
    "tuple_of_range": r"\btuple\(range\(",
    "star_list_call": r"\*\[",
    "dict_views": r"\.(keys|values|items)\(\)",
    "print_alloc": r"\bp\d+\(",   # the functions whose bodies print
    "star_call_refcount": r"\*\(",
    # the first call of each code object (functions, methods, __init__, 2.7/3.10 comprehensions)
    "zombie_frame": r"\bfor\b|\b[fpC]\d+\(|\.m\(",
}

WARMUP = "print('start', [0], {0: 0}, (0,))"
WARM_CALLS = "cb(weakref.ref(cb))"  # a live ref: cb may call it (print_alloc); the first line of the block of first calls (Gen.warm_calls)

# Classes of known differences (KNOWN.md), profile or "all" -> names: a choice guarded by
# Gen.allow(name) is skipped when the profile lists the class. Filled by difftest.py.
KNOWN = {}


class Var(object):
    def __init__(self, name, kind, fresh, sized=True, obj=None):
        self.name = name
        self.kind = kind
        self.fresh = fresh  # a new object nobody else shares (refcounts are the program's own)
        # what is known of the object, shared by its aliases: "sized" (sys.getsizeof may be observed;
        # False after a path with a known size difference)
        self.obj = obj if obj is not None else {"sized": sized}

    @property
    def sized(self):
        return self.obj["sized"]


class Gen(object):
    def __init__(self, seed, profile):
        self.r = random.Random(seed)
        self.profile = profile
        self.py2 = profile == "py27"
        self.vars = {}
        self.nvar = 0
        self.last_bits = 64  # bits bound of the last e_int value
        self.ntag = 0
        self.classes = []   # (name, has_del, nparams)
        self.funcs = []     # (name, nparams)
        self.known = KNOWN.get(profile, set()) | KNOWN.get("all", set())

    def allow(self, cls):
        return cls not in self.known

    # ---- helpers -------------------------------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(list(seq))

    def newname(self):
        self.nvar += 1
        return "v%d" % self.nvar

    def of_kind(self, *kinds):
        return [v for v in self.vars.values() if v.kind in kinds]

    def var_of(self, *kinds):
        vs = self.of_kind(*kinds)
        return self.pick(sorted(vs, key=lambda v: v.name)) if vs else None

    def tag(self):
        self.ntag += 1
        return self.ntag

    # ---- expressions: each returns (text, kind, fresh) -------------------------------------------
    def e_int(self, depth=0):
        """An int expression. Each choice carries a bound on the bits of its value (Var.obj["bits"]),
        and none can exceed 60 bits: refheap's ints stop at 64 bits (int_range, deliberate)."""
        r = self.r
        v = self.var_of(INT)
        big = r.choice([1000, 12345, 99999, 2 ** 31, 10 ** 9, 2 ** 40])
        opts = [
            lambda: (str(r.randint(0, 300)), False, 9),
            lambda: (str(big), False, big.bit_length()),
            lambda: ("len(%s)" % self.any_sized(), False, 16),
            lambda: ("int('%d')" % r.randint(0, 5000), True, 13),
        ]
        if v:
            b = v.obj.get("bits", 64)
            k = r.choice([2, 3, 1000, 65536])
            sh = r.randint(1, 20)
            opts += [
                lambda: ("%s + %d" % (v.name, r.randint(1, 100000)), True, max(b, 17) + 1),
                lambda: ("%s * %d" % (v.name, k), True, b + k.bit_length()),
                lambda: ("%s // %d" % (v.name, r.randint(1, 7)), True, b),
                lambda: ("%s %% %d" % (v.name, r.randint(2, 1000)), True, 10),
                lambda: ("-%s" % v.name, True, b),
                lambda: ("%s - %s" % (v.name, v.name), False, 1),
                lambda: ("%s << %d" % (v.name, sh), True, b + sh),
                lambda: ("abs(%s)" % v.name, True, b),
            ]
        for _ in range(20):
            text, fresh, bits = r.choice(opts)()
            if bits <= 60 or not self.allow("int_range"):
                break
        else:
            text, fresh, bits = str(r.randint(0, 300)), False, 9
        self.last_bits = bits
        return text, INT, fresh

    def any_sized(self):
        v = self.var_of(LIST, TUPLE, DICT, STR)
        return v.name if v else "'abc'"

    def e_float(self, depth=0):
        r = self.r
        v = self.var_of(INT)
        f = self.var_of(FLOAT)
        opts = [lambda: (self.pick(["1.5", "0.25", "3.0", "1e10", "2.5e-3"]), False),
                lambda: ("float('%s')" % self.pick(["2.5", "7", "1e3"]), True)]
        if v:
            opts += [lambda: ("float(%s)" % v.name, True), lambda: ("%s * 0.5" % v.name, True)]
        if f:
            opts += [lambda: ("%s + 1.0" % f.name, True), lambda: ("%s * %s" % (f.name, f.name), True)]
        text, fresh = r.choice(opts)()
        return text, FLOAT, fresh

    def e_str(self, depth=0):
        r = self.r
        s = self.var_of(STR)
        lits = ["'abc'", "'hello world'", "'x'", "''", "'a b  c '", "'spam_eggs'", "'line1\\nline2'",
                "' padded '", "'a,b,c'"]
        if not self.py2 and self.allow("str_nonascii"):
            lits += ["'caf\\xe9'", "'\\u20ac uro'"]
        opts = [lambda: (self.pick(lits), False),
                lambda: ("str(%s)" % self.e_int(depth + 1)[0], True),
                lambda: ("'%%d-%%s' %% (%s, %s)" % (self.e_int(depth + 1)[0], s.name if s else "'q'"), True)]
        if s:
            n = s.name
            opts += [
                lambda: ("%s + %s" % (n, self.pick(["'xy'", "'!'", n])), True),
                lambda: ("%s * %d" % (n, r.randint(0, 4)), True),
                lambda: ("%s.upper()" % n, True), lambda: ("%s.lower()" % n, True),
                lambda: ("%s.strip()" % n, True), lambda: ("%s.lstrip()" % n, True),
                lambda: ("%s.rstrip()" % n, True),
                lambda: ("%s.replace(%s, %s)" % (n, self.pick(["'a'", "'zz'", "' '"]),
                                                 self.pick(["'b'", "''", "'--'"])), True),
                lambda: ("%s[%d:%d]" % (n, r.randint(0, 3), r.randint(0, 8)), True),
                lambda: ("%s[:]" % n, True),
                lambda: ("'-'.join(%s.split())" % n, True),
                lambda: ("repr(%s)" % n, True),
            ]
        lv = self.var_of(LIST, TUPLE, DICT)
        if lv and self.allow("repr_container"):
            opts.append(lambda: ("repr(%s)" % lv.name, True))
        text, fresh = r.choice(opts)()
        return text, STR, fresh

    def e_elem(self, depth):
        """An element for a display: a scalar, an existing variable, or (shallowly) a container."""
        r = self.r
        x = r.random()
        if x < 0.35:
            return self.e_int(depth + 1)[0]
        if x < 0.5:
            return self.e_str(depth + 1)[0]
        if x < 0.75 and self.vars:
            return self.pick(sorted(self.vars))
        if depth < 2:
            return self.pick([self.e_list, self.e_tuple, self.e_dict])(depth + 1)[0]
        return "None"

    def e_list(self, depth=0):
        r = self.r
        l = self.var_of(LIST)
        t = self.var_of(TUPLE)
        s = self.var_of(STR)
        n = r.randint(0, 6)
        opts = [
            lambda: ("[%s]" % ", ".join(self.e_elem(depth) for _ in range(n)), True),
            lambda: ("list()", True),
            lambda: ("list(range(%d))" % r.randint(0, 20), True),
            lambda: ("[%s * 2 for x in range(%d)]" % ("x", r.randint(0, 12)), True),
            lambda: ("[x for x in range(%d) if x %% %d]" % (r.randint(0, 12), r.randint(2, 4)), True),
            lambda: ("sorted([%s])" % ", ".join(str(r.randint(0, 2000)) for _ in range(n)), True),
            lambda: ("[None] * %d" % r.randint(0, 20), True),
            lambda: ("[[] for _ in range(%d)]" % r.randint(0, 5), True),
        ]
        if l:
            opts += [
                lambda: ("list(%s)" % l.name, True), lambda: ("%s[:]" % l.name, True),
                lambda: ("%s[%d:]" % (l.name, r.randint(0, 4)), True),
                lambda: ("%s[::%d]" % (l.name, r.randint(1, 3)), True),
                lambda: ("%s + %s" % (l.name, self.e_list(depth + 1)[0] if depth < 2 else "[]"), True),
                lambda: ("%s * %d" % (l.name, r.randint(0, 3)), True),
            ]
            if self.allow("py27_listcomp_leak"):
                opts += [lambda: ("[y for y in %s]" % l.name, True),
                         lambda: ("[(y, y) for y in %s]" % l.name, True)]
            if not self.py2:
                opts.append(lambda: ("%s.copy()" % l.name, True))
        if t:
            opts += [lambda: ("list(%s)" % t.name, True)]
            if self.allow("py27_listcomp_leak"):
                opts.append(lambda: ("[y for y in %s]" % t.name, True))
        if s:
            opts += [lambda: ("%s.split()" % s.name, True), lambda: ("list(%s)" % s.name, True),
                     lambda: ("%s.split(',')" % s.name, True), lambda: ("%s.splitlines()" % s.name, True)]
        d = self.var_of(DICT)
        if d:
            opts += [lambda: ("list(%s)" % d.name, True)]
            if self.allow("py27_listcomp_leak"):
                opts.append(lambda: ("[k for k in %s]" % d.name, True))
        text, fresh = r.choice(opts)()
        return text, LIST, fresh

    def e_tuple(self, depth=0):
        r = self.r
        l = self.var_of(LIST)
        t = self.var_of(TUPLE)
        n = r.randint(0, 5)
        consts = ", ".join(str(r.randint(0, 9999)) for _ in range(n))
        opts = [
            lambda: ("(%s%s)" % (", ".join(self.e_elem(depth) for _ in range(n + 1)), "," if n == 0 else ""),
                     "display"),
            lambda: ("(%s%s)" % (consts, "," if n == 1 else ""), False),
            lambda: ("tuple()", False),
            lambda: ("tuple(range(%d))" % r.randint(0, 12), True),
        ]
        if l:
            opts += [lambda: ("tuple(%s)" % l.name, True)]
        if t:
            opts += [lambda: ("%s[%d:]" % (t.name, r.randint(0, 3)), True),
                     lambda: ("%s + (%s,)" % (t.name, self.e_elem(depth + 1)), True),
                     lambda: ("%s * %d" % (t.name, r.randint(0, 3)), True),
                     lambda: ("tuple(%s)" % t.name, False)]
        text, fresh = r.choice(opts)()
        return text, TUPLE, fresh

    def e_dict(self, depth=0):
        r = self.r
        d = self.var_of(DICT)
        n = r.randint(0, 8)
        keys = ["'k%d'" % i for i in range(n)] if self.chance(0.6) else [str(i * 7) for i in range(n)]
        if not self.allow("dict_display_str_keys") and keys and keys[0].startswith("'"):
            keys = keys[:5]
        opts = [
            lambda: ("{%s}" % ", ".join("%s: %s" % (k, self.e_elem(depth)) for k in keys), True),
            lambda: ("dict()", True),
        ]
        opts.append(lambda: ("dict(%s)" % ", ".join("a%d=%s" % (i, self.e_elem(depth)) for i in range(n)),
                             True))
        if self.allow("dict_pairs"):
            opts.append(lambda: ("dict([%s])" % ", ".join("(%s, %d)" % (k, i) for i, k in enumerate(keys)),
                                 True))
        if d:
            opts += [lambda: ("dict(%s)" % d.name, True), lambda: ("%s.copy()" % d.name, True)]
        text, fresh = r.choice(opts)()
        return text, DICT, fresh

    def e_inst(self, depth=0):
        if not self.classes:
            return None
        name, has_del, nparams = self.pick(self.classes)
        args = [str(self.tag())] + [self.e_elem(depth + 1) for _ in range(nparams - 1)]
        if nparams > 1 and self.chance(0.3):
            args[-1] = "%s=%s" % (["t", "a", "b"][nparams - 1], args[-1])
        return "%s(%s)" % (name, ", ".join(args)), INST, True

    def e_call(self):
        if not self.funcs:
            return None
        name, nparams = self.pick(self.funcs)
        x = self.r.random()
        if name.startswith("p") and not self.allow("star_call_refcount"):
            x = 0.0  # no * call of a function that prints its argument's refcount
        first = self.fresh_container()
        if x < 0.4:
            args = ", ".join([first] + [self.e_elem(1) for _ in range(nparams - 1)])
        elif x < 0.6 and nparams > 1:
            args = ", ".join([first] + [self.e_elem(1) for _ in range(nparams - 2)] + ["%s=%s" % ("abc"[nparams - 1], self.e_elem(1))])
        elif x < 0.8:
            elems = [first] + [self.e_elem(1) for _ in range(nparams - 1)]
            if self.chance(0.5) or not self.allow("star_list_call"):
                args = "*(%s%s)" % (", ".join(elems), "," if nparams == 1 else "")
            else:
                args = "*[%s]" % ", ".join(elems)
        elif self.allow("star_list_call"):
            args = "%s, *[%s]" % (first, ", ".join(self.e_elem(1) for _ in range(nparams - 1)))
        elif nparams > 1:
            args = "%s, *(%s,)" % (first, ", ".join(self.e_elem(1) for _ in range(nparams - 1)))
        else:
            args = "*(%s,)" % first
        return "%s(%s)" % (name, args), LIST, True

    def fresh_container(self):
        v = self.var_of(LIST, DICT, INST)
        if v and self.chance(0.5):
            return v.name
        return self.pick([self.e_list, self.e_dict])(2)[0]

    def e_any(self):
        r = self.r
        gens = [self.e_int, self.e_float, self.e_str, self.e_list, self.e_list, self.e_tuple,
                self.e_dict, self.e_dict]
        if self.classes:
            gens += [self.e_inst, self.e_inst]
        if self.funcs:
            gens.append(lambda d=0: self.e_call())
        return r.choice(gens)(0)

    # ---- definitions ----------------------------------------------------------------------------
    def def_class(self):
        name = "C%d" % len(self.classes)
        has_del = self.chance(0.6)
        nparams = self.r.randint(1, 3)
        params = ["t"] + ["a", "b"][:nparams - 1]
        base = ""
        if self.classes and self.chance(0.3) and self.allow("inheritance"):
            base = "(%s)" % self.classes[-1][0]
        elif not self.py2 and self.chance(0.3):
            base = "(object)"
        elif self.py2:
            base = "(object)" if self.chance(0.7) else ""
        lines = ["class %s%s:" % (name, base)]
        if self.chance(0.3):
            lines.append("    kind = %s" % self.pick(["'k'", "0", "[]", "()"]))
        sig = ", ".join(["self"] + [p if p != "b" else "b=None" for p in params])
        lines.append("    def __init__(%s):" % sig)
        for p in params:
            lines.append("        self.%s = %s" % (p, p))
        if has_del and self.allow("print_alloc"):
            lines += ["    def __del__(self):", "        print('del %s', self.t)" % name]
        elif has_del:
            lines += ["    def __del__(self):", "        log.append(self.t)"]
        lines += ["    def m(self, x):", "        return [self.t, x]"]
        self.classes.append((name, has_del, nparams))
        return lines

    def def_func(self):
        nparams = self.r.randint(1, 3)
        params = ["a", "b", "c"][:nparams]
        sig = ", ".join(params[:-1] + ["%s=None" % params[-1]])
        body = self.pick([
            ["    return [%s]" % ", ".join(params)],
            ["    x = [a]", "    print(sys.getrefcount(x), len(x))", "    return x"],
            ["    print(sys.getrefcount(%s))" % params[0], "    return [%s]" % params[0]],
            ["    t = (%s,)" % ", ".join(params),
             "    return list(t)" if self.allow("list_ctor_size") else "    return [t]"],
        ])
        name = "%s%d" % ("p" if any("print" in line for line in body) else "f", len(self.funcs))
        self.funcs.append((name, nparams))
        return ["def %s(%s):" % (name, sig)] + body

    def warm_calls(self):
        """One call of every function, method, __init__, __del__ and the callback, before the first
        gc.collect(): what a code object's first call leaves behind is then not measured."""
        lines = [WARM_CALLS]
        for name, has_del, nparams in self.classes:
            lines.append("%s(%s).m(0)" % (name, ", ".join(["0"] + ["None"] * (nparams - 1))))
        for name, nparams in self.funcs:
            lines.append("%s(%s)" % (name, ", ".join(["[]"] + ["None"] * (nparams - 1))))
        return lines

    def def_callback(self):
        if self.allow("print_alloc"):
            return ["def cb(r):", "    print('callback', r() is None)"]
        return ["log = []", "def cb(r):", "    log.append('cb')"]

    # ---- statements: each returns a list of lines ------------------------------------------------
    def s_assign(self):
        e = self.e_any()
        if e is None:
            return None
        text, kind, fresh = e
        # reuse a name of the same kind now and then (the old value dies by rebinding)
        old = self.var_of(kind) if self.chance(0.25) else None
        name = old.name if old else self.newname()
        sized = ((self.allow("list_ctor_size") or not re.match(r"list\(v\d+\)", text))
                 and (self.allow("sorted_size") or not text.startswith("sorted("))
                 and (self.allow("py27_list_ctor_size") or not text.startswith("list("))
                 and (self.allow("split_size") or not re.search(r"\.split\(", text)))
        if not self.allow("const_list_display_size") and const_list_display(text):
            sized = False
        self.vars[name] = Var(name, kind, fresh, sized)
        if kind == INT:
            self.vars[name].obj["bits"] = self.last_bits
        if not self.allow("str_method_identity") and re.search(r"\.(strip|lstrip|rstrip|replace)\(", text):
            self.vars[name].obj["ident"] = False  # may or may not be its input: not compared with `is`
        if not self.allow("int_abs_identity") and text.startswith("abs("):
            self.vars[name].obj["ident"] = False
        return ["%s = %s" % (name, text)]

    def s_alias(self):
        v = self.var_of(*CONTAINERS + (STR, INT))
        if not v:
            return None
        name = self.newname()
        self.vars[name] = Var(name, v.kind, v.fresh, obj=v.obj)
        return ["%s = %s" % (name, v.name)]

    def s_del(self):
        v = self.var_of(*self.all_kinds())
        if not v:
            return None
        del self.vars[v.name]
        return ["del %s" % v.name]

    def all_kinds(self):
        return (INT, FLOAT, STR, LIST, TUPLE, DICT, INST, WREF, METH)

    def s_mutate(self):
        r = self.r
        opts = []
        l = self.var_of(LIST)
        if l:
            n = l.name
            opts += [
                ["%s.append(%s)" % (n, self.e_elem(1))],
                ["%s.extend(%s)" % (n, self.e_list(1)[0])],
                ["%s += %s" % (n, self.e_list(1)[0])],
                ["%s *= %d" % (n, r.randint(0, 3))] if self.allow("list_imul") else ["%s += []" % n],
                ["if %s:" % n, "    %s.pop()" % n],
                ["%s.reverse()" % n],
                ["%s.append(%s)" % (n, n)],
                ["del %s[%d:%d]" % (n, r.randint(0, 3), r.randint(0, 10))],
                ["%s[:] = []" % n] if self.allow("slice_assign") else ["%s.append(1)" % n],
            ]
            if self.allow("list_insert"):
                opts.append(["%s.insert(%d, %s)" % (n, r.randint(0, 3), self.e_elem(1))])
            if self.allow("slice_assign"):
                opts.append(["%s[%d:%d] = %s" % (n, r.randint(0, 2), r.randint(0, 4), self.e_list(1)[0])])
            if not self.py2:
                opts.append(["%s.clear()" % n])
        d = self.var_of(DICT)
        if d:
            n = d.name
            k = self.pick(["'k1'", "'k3'", "'new'", "'zz%d'" % r.randint(0, 30), "7", "14"])
            opts += [
                ["%s[%s] = %s" % (n, k, self.e_elem(1))],
                ["if %s in %s:" % (k, n), "    del %s[%s]" % (n, k)],
                ["%s.pop(%s, None)" % (n, k)],
                ["%s.setdefault(%s, %s)" % (n, k, self.e_elem(1))],
                ["%s.update(%s)" % (n, self.e_dict(1)[0])],
                ["%s['self'] = %s" % (n, n)],
                ["%s.clear()" % n],
            ]
        o = self.var_of(INST)
        if o:
            opts += [["%s.x = %s" % (o.name, self.e_elem(1))],
                     ["%s.a = %s" % (o.name, self.pick(sorted(self.vars)))],
                     ["%s.me = %s" % (o.name, o.name)]]
            o2 = self.var_of(INST)
            opts.append(["%s.peer = %s" % (o.name, o2.name), "%s.peer = %s" % (o2.name, o.name)])
        if not opts:
            return None
        choice = self.pick(opts)
        if l and re.match(r"%s(\.extend\(| \+= )" % l.name, choice[0]) and not self.allow("py27_list_extend_size"):
            l.obj["sized"] = False
        if l and choice[0].startswith("del %s[" % l.name) and not self.allow("slice_del_size"):
            l.obj["sized"] = False
        return choice

    def s_weakref(self):
        o = self.var_of(INST)
        if not o:
            return None
        name = self.newname()
        self.vars[name] = Var(name, WREF, True)
        if self.chance(0.5):
            return ["%s = weakref.ref(%s, cb)" % (name, o.name)]
        return ["%s = weakref.ref(%s)" % (name, o.name)]

    def s_method(self):
        o = self.var_of(INST)
        if not o:
            return None
        if self.chance(0.5):
            name = self.newname()
            self.vars[name] = Var(name, METH, True)
            return ["%s = %s.m" % (name, o.name)]
        arg = self.e_elem(1)
        name = self.newname()
        self.vars[name] = Var(name, LIST, True)
        return ["%s = %s.m(%s)" % (name, o.name, arg)]

    def s_loop(self):
        v = self.var_of(LIST, TUPLE, STR, DICT)
        if not v:
            return ["for i in range(%d):" % self.r.randint(0, 5), "    acc = [i]"]
        it = v.name
        if v.kind == DICT and self.chance(0.5):
            it = "%s.%s()" % (v.name, self.pick(["keys", "values", "items"]))
        body = self.pick([["    acc = [y]"], ["    n = len([y, y])"], ["    pass"]])
        return ["for y in %s:" % it] + body

    def s_const_loop(self):
        """A constant list iterated or tested with `in` (the compiler folds it to a constant tuple)."""
        r = self.r
        elems = ", ".join(str(r.randint(0, 999)) for _ in range(r.randint(1, 4)))
        v = self.var_of(INT)
        x = v.name if v else str(r.randint(0, 999))
        return self.pick([
            ["for y in [%s]:" % elems, "    acc = [y]"],
            ["n = %s in [%s]" % (x, elems)],
            ["acc = [z for z in [%s]]" % elems] if self.allow("py27_listcomp_leak") else ["acc = [%s]" % elems],
            ["n = %s not in (%s,)" % (x, elems)],
        ])

    def s_int_aug(self):
        v = self.var_of(INT)
        if not v:
            return None
        b = v.obj.get("bits", 64)
        k = self.r.randint(1, 9)
        op, bits = self.pick([("+=", max(b, 4) + 1), ("-=", max(b, 4) + 1), ("*=", b + 4), ("//=", b),
                              ("<<=", b + k), ("|=", max(b, 4))])
        if bits > 60 and not self.allow("int_range"):
            return None
        self.vars[v.name] = Var(v.name, INT, True)  # a new object; aliases keep the old one
        self.vars[v.name].obj["bits"] = bits
        return ["%s %s %d" % (v.name, op, k)]

    def s_attr_del(self):
        o = self.var_of(INST)
        if not o:
            return None
        return ["%s.tmp = %s" % (o.name, self.e_elem(1)), "del %s.tmp" % o.name]

    def s_while(self):
        return ["k = 0", "while k < %d:" % self.r.randint(0, 4), "    acc = [k, k]", "    k += 1"]

    def s_misc(self):
        """Expressions of the subset the other rules do not make: conditionals, boolean operators,
        lookups, reductions, isinstance."""
        l = self.var_of(LIST)
        d = self.var_of(DICT)
        t = self.var_of(TUPLE)
        s = self.var_of(STR)
        opts = [["n = %d if %s else %s" % (self.r.randint(0, 9), self.pick(["True", "0", "[]", "'a'"]),
                                          self.e_int(1)[0])]]
        if l:
            opts += [["n = %s.count(None) + len(%s)" % (l.name, l.name)],
                     ["n = %s and %s[-1:]" % (l.name, l.name)],
                     ["n = isinstance(%s, list)" % l.name],
                     ["n = sum([len(%s), 1])" % l.name],
                     ["if None in %s:" % l.name, "    %s.remove(None)" % l.name],
                     ["if %s:" % l.name, "    n = %s.index(%s[0])" % (l.name, l.name)]]
        if d:
            opts += [["n = %s.get('k1', %s)" % (d.name, self.e_elem(1))],
                     ["n = min(len(%s), 3) or max(1, 2)" % d.name]]
        if t:
            opts += [["n = %s.count(1)" % t.name], ["n = %s or (1,)" % t.name]]
        if s:
            opts += [["n = %s.find('b') + %s.startswith('a')" % (s.name, s.name)],
                     ["n = %s.endswith('c') or %s" % (s.name, s.name)]]
        return self.pick(opts)

    def s_try(self):
        """try statements: an error caught (with and without `as`), kept by sys.exc_info() (2.7: past the
        clause, at module level until the end), holding one of the program's objects in its args, a finally
        block on the normal and the exceptional path."""
        v = self.var_of(LIST, DICT, INST, STR, TUPLE)
        l = self.var_of(LIST)
        raise_v = ["    raise ValueError(%s)" % v.name] if v else ["    raise KeyError('k')"]
        opts = [
            ["try:", "    {}['k%d']" % self.r.randint(0, 9), "except KeyError:", "    n = sys.exc_info()[0] is KeyError"],
            ["try:"] + raise_v + ["except (ValueError, KeyError) as e:", "    n = len(e.args)"],
            ["try:"] + raise_v + ["except Exception:", "    n = sys.exc_info()[1] is not None", "finally:",
                                  "    n = 0"],
            ["try:", "    n = 1 // %d" % self.r.randint(0, 1), "except ZeroDivisionError:", "    pass",
             "else:", "    n = 2"],
            ["try:", "    n = [%s]" % self.e_elem(1), "finally:", "    n = None"],
        ]
        if l:
            opts.append(["try:", "    n = %s[%d]" % (l.name, self.r.randint(0, 6)), "except IndexError:",
                         "    n = -1"])
        return self.pick(opts)

    def o_exc_info(self):
        return ["print(sys.exc_info()[0] is not None, sys.exc_info()[2] is not None)"]

    def s_method_callback(self):
        o = self.var_of(INST)
        o2 = self.var_of(INST)
        if not o:
            return None
        name = self.newname()
        self.vars[name] = Var(name, WREF, True)
        return ["%s = weakref.ref(%s, %s.m)" % (name, o.name, o2.name)]

    # ---- observations ---------------------------------------------------------------------------
    def o_collect_gen(self):
        g = self.r.randint(0, 2)
        return ["print(gc.collect(%d), gc.get_count())" % g] if self.allow("py27_gc_count") else None

    def o_finalized(self):
        o = self.var_of(INST)
        if not o or self.py2:  # gc.is_finalized is 3.9+
            return None
        return ["print(gc.is_finalized(%s))" % o.name]

    def o_referents(self):
        v = self.var_of(LIST, TUPLE, DICT)
        if not v:
            return None
        return ["print(len(gc.get_referents(%s)))" % v.name]

    def refcount_ok(self, v):
        if v.kind in (INST, LIST, DICT, WREF, METH):
            return True
        return v.fresh == "display"

    def o_refcount(self):
        vs = sorted([v for v in self.vars.values() if self.refcount_ok(v)], key=lambda v: v.name)
        if not vs:
            return None
        return ["print(sys.getrefcount(%s))" % self.pick(vs).name]

    def o_sizeof(self):
        vs = sorted([v for v in self.vars.values()
                     if v.sized], key=lambda v: v.name)
        v = self.pick(vs) if vs else None
        if not v:
            return None
        return ["print(sys.getsizeof(%s))" % v.name]

    def o_tracked(self):
        v = self.var_of(*self.all_kinds())
        if not v:
            return None
        return ["print(gc.is_tracked(%s))" % v.name]

    def o_is(self):
        vs = sorted(n for n, v in self.vars.items() if v.obj.get("ident", True))
        if len(vs) < 2:
            return None
        a, b = self.r.sample(vs, 2)
        return ["print(%s is %s)" % (a, b)]

    def o_is_result(self):
        """`is` between an operation's result and its input (identity-preserving paths)."""
        s = self.var_of(STR)
        t = self.var_of(TUPLE)
        l = self.var_of(LIST)
        opts = []
        if s:
            opts += ["%s[:] is %s" % (s.name, s.name), "str(%s) is %s" % (s.name, s.name),
                     "%s * 1 is %s" % (s.name, s.name), "%s + '' is %s" % (s.name, s.name)]
            if self.allow("str_method_identity"):
                opts += ["%s.%s is %s" % (s.name, m, s.name) for m in
                         ("strip()", "lstrip()", "rstrip()", "replace('qq', 'r')")]
        if t:
            opts += ["%s[:] is %s" % (t.name, t.name), "tuple(%s) is %s" % (t.name, t.name),
                     "%s * 1 is %s" % (t.name, t.name)]
        if l:
            opts += ["%s[:] is %s" % (l.name, l.name)]
        i = self.var_of(INT)
        if i:
            opts += ["%s + 0 is %s" % (i.name, i.name), "int(%s) is %s" % (i.name, i.name)]
        if not opts:
            return None
        return ["print(%s)" % self.pick(opts)]

    def o_value(self):
        v = self.var_of(INT, FLOAT, STR, LIST, TUPLE, DICT)
        if not v:
            return None
        return ["print(%s)" % v.name]

    def o_count_delta(self):
        if not self.allow("py27_gc_count"):
            return None
        avoid = [re.compile(p) for c, p in sorted(COUNT_PATTERNS.items()) if not self.allow(c)]
        for _ in range(10):
            state = (dict(self.vars), self.nvar, self.ntag)
            inner = self.statement(observe=False)
            if inner is None:
                return None
            if not any(p.search(line) for p in avoid for line in inner):
                return ["gc.collect()"] + inner + ["print(gc.get_count())"]
            self.vars, self.nvar, self.ntag = state
        return None

    def o_collect(self):
        return ["print(gc.collect())"]

    def o_wref(self):
        w = self.var_of(WREF)
        if not w:
            return None
        return ["print(%s() is None, weakref.getweakrefcount(%s()) if %s() is not None else -1)"
                % (w.name, w.name, w.name)]

    def o_log(self):
        if self.allow("print_alloc"):
            return None
        return ["print(log)"]

    def o_gc_switch(self):
        return [self.pick(["gc.disable()", "gc.enable()", "print(gc.isenabled())"])]

    def statement(self, observe=True):
        r = self.r
        table = [(self.s_assign, 30), (self.s_alias, 5), (self.s_del, 8), (self.s_mutate, 18),
                 (self.s_weakref, 3), (self.s_method, 3), (self.s_loop, 3), (self.s_const_loop, 3),
                 (self.s_int_aug, 2), (self.s_attr_del, 2), (self.s_while, 1), (self.s_misc, 4),
                 (self.s_method_callback, 1), (self.s_try, 3)]
        if observe:
            table += [(self.o_refcount, 8), (self.o_sizeof, 8), (self.o_tracked, 4), (self.o_is, 3),
                      (self.o_is_result, 3), (self.o_value, 4), (self.o_count_delta, 8),
                      (self.o_collect, 5), (self.o_wref, 2), (self.o_gc_switch, 2), (self.o_log, 4),
                      (self.o_collect_gen, 2), (self.o_finalized, 1), (self.o_referents, 2),
                      (self.o_exc_info, 1)]
        total = sum(w for _, w in table)
        for _ in range(10):
            x = r.uniform(0, total)
            for fn, w in table:
                x -= w
                if x <= 0:
                    break
            out = fn()
            if out:
                return out
        return None

    def program(self, nstmts=None):
        r = self.r
        blocks = [["from __future__ import print_function"], ["import gc, sys, weakref"]]
        defs = [self.def_callback()]
        for _ in range(r.randint(0, 2)):
            defs.append(self.def_class())
        for _ in range(r.randint(0, 2)):
            defs.append(self.def_func())
        warm = not self.allow("zombie_frame")
        if warm:  # 2.7/3.10 keep a frame per code object after its first call
            blocks += defs  # which the warm-up calls need defined
            blocks.append(self.warm_calls())
        if not self.allow("first_print"):
            blocks.append([WARMUP])  # the first print/repr allocate
        blocks.append(["gc.collect()"])
        if self.chance(0.3):
            blocks.append(["gc.disable()"])
        if not warm:
            blocks += defs  # after the first gc.collect(): the first get_count() observes the definitions
        n = nstmts if nstmts is not None else r.randint(5, 25)
        for _ in range(n):
            s = self.statement()
            if s:
                blocks.append(s)
        if self.chance(0.5):
            blocks.append(["print(gc.collect())"])
        if self.chance(0.3) and self.allow("shutdown_order") and self.allow("print_alloc"):
            pass  # objects left for the interpreter's shutdown: their __del__ order is observed
        else:
            names = sorted(self.vars)
            if names:
                blocks.append(["del %s" % ", ".join(names)])
            blocks.append(["print(gc.collect())"])
            if not self.allow("print_alloc"):
                blocks.append(["print(log)"])
            blocks.append(["print('end')"])
        return blocks


def const_list_display(text):
    """Whether text is a list display of three or more constants (which 3.9+ compile to BUILD_LIST 0 +
    LIST_EXTEND of a constant tuple)."""
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return False
    if not isinstance(node, ast.List) or len(node.elts) < 3:
        return False
    try:
        for e in node.elts:
            ast.literal_eval(e)
    except ValueError:
        return False
    return True


def generate(seed, profile, nstmts=None):
    """The program of (seed, profile) as a list of blocks (lists of lines)."""
    return Gen(seed, profile).program(nstmts)


def render(blocks):
    return "".join(line + "\n" for b in blocks for line in b)


if __name__ == "__main__":
    import sys
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    prof = sys.argv[2] if len(sys.argv) > 2 else "py311"
    sys.stdout.write(render(generate(seed, prof)))
