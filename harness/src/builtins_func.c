/* builtins_func.c — what programs do with functions beyond calling them: the staticmethod, classmethod,
 * property and super built-ins (bound as their type objects; the objects are the library's,
 * reference/src/t_funcdescr.c), property's getter/setter/deleter, the attributes of functions
 * (Objects/funcobject.c func_getsetlist and func_memberlist: __closure__, __defaults__, __kwdefaults__,
 * __doc__, __dict__ and arbitrary attributes), of cells (cell_contents), of staticmethod/classmethod
 * (__func__), of properties (fget, fset, fdel, __doc__), and super objects' attributes (the library's
 * super_getattro, with object.__init__ at the end of the MRO), and code objects' attributes
 * (Objects/codeobject.c code_memberlist, code_getsetlist: the unit's names and counts, co_consts and
 * co_names in 3.11's emission order, co_code and the line and exception tables over refheap's words).
 *
 * Every function has the hx_cfn signature: arguments borrowed, a new reference or NULL with the runtime
 * error set. Registered from one place: hx_builtins_iter_init calls hx_builtins_func_init.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define DEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* One positional argument, no keywords (METH_O constructors) */
static int one_arg(hx_interp *I, const char *f, int n, int nkw) {
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", f);
        return -1;
    }
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected 1 argument, got %d", f, n);
        return -1;
    }
    return 0;
}

FN(bi_staticmethod) {
    (void)self, (void)kwn, (void)kwv;
    return one_arg(I, "staticmethod", n, nkw) ? NULL : rh_staticmethod_new(I->rt, a[0]);
}

FN(bi_classmethod) {
    (void)self, (void)kwn, (void)kwv;
    return one_arg(I, "classmethod", n, nkw) ? NULL : rh_classmethod_new(I->rt, a[0]);
}

/* property(fget=None, fset=None, fdel=None, doc=None) (property_init's argument clinic) */
FN(bi_property) {
    (void)self;
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    rh_object *v[4] = {NULL, NULL, NULL, NULL};
    if (n > 4) {
        rh_err_set(I->rt, RH_EXC_TYPE, "property() takes at most 4 arguments (%d given)", n + nkw);
        return NULL;
    }
    for (int i = 0; i < n; i++) v[i] = a[i];
    for (int k = 0; k < nkw; k++) {
        int j = -1;
        for (int i = 0; i < 4; i++)
            if (strcmp(kwn[k], names[i]) == 0) j = i;
        if (j < 0) {
            rh_err_set(I->rt, RH_EXC_TYPE, "property() got an unexpected keyword argument '%s'", kwn[k]);
            return NULL;
        }
        if (v[j]) {
            rh_err_set(I->rt, RH_EXC_TYPE, "argument for property() given by name ('%s') and position (%d)", kwn[k], j + 1);
            return NULL;
        }
        v[j] = kwv[k];
    }
    return rh_property_new(I->rt, v[0], v[1], v[2], v[3]);
}

/* super_init_without_args: the calling frame's first argument (through its cell when it is one) and
 * its __class__ free variable */
static rh_object *super_without_args(hx_interp *I) {
    rh_runtime *rt = I->rt;
    hx_frame *f = I->frame;
    hx_code *c = f ? f->code : NULL;
    if (!c || c->kind != CODE_FUNCTION || c->nparams + c->varargs == 0) {
        rh_err_set(rt, RH_EXC_RUNTIME, "super(): no arguments");
        return NULL;
    }
    rh_object *obj = f->fast[0];
    for (int i = 0; obj && i < c->ncells; i++)
        if (c->cellslots[i] == 0) obj = rh_cell_get(obj);
    if (c->nparams == 0 && obj) obj = rh_tuple_len(obj) ? rh_tuple_get(obj, 0) : NULL; /* super() in f(*args) */
    if (!obj) {
        rh_err_set(rt, RH_EXC_RUNTIME, "super(): arg[0] deleted");
        return NULL;
    }
    for (int i = 0; i < c->nfree; i++) {
        if (strcmp(c->freenames[i], "__class__") != 0) continue;
        rh_object *type = rh_cell_get(f->fast[c->freeslots[i]]);
        if (!type) {
            rh_err_set(rt, RH_EXC_RUNTIME, "super(): empty __class__ cell");
            return NULL;
        }
        if (rh_kind_of(type) != RH_K_TYPE) {
            rh_err_set(rt, RH_EXC_RUNTIME, "super(): __class__ is not a type (%s)", hx_tname(type));
            return NULL;
        }
        return rh_super_new(rt, type, obj);
    }
    rh_err_set(rt, RH_EXC_RUNTIME, "super(): __class__ cell not found");
    return NULL;
}

FN(bi_super) {
    (void)self, (void)kwn, (void)kwv;
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "super() takes no keyword arguments");
        return NULL;
    }
    if (n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, "super() takes at most 2 arguments (%d given)", n);
        return NULL;
    }
    if (n == 0) {
        if (rh_runtime_profile(I->rt)->python2) {
            rh_err_set(I->rt, RH_EXC_TYPE, "super() takes at least 1 argument (0 given)");
            return NULL;
        }
        return super_without_args(I);
    }
    rh_object *t = NULL; /* 3.10/2.7: type_call's argument tuple (super has no vectorcall) */
    if (rh_runtime_profile(I->rt)->super_args_tuple && !(t = n == 2 ? rh_tuple_pack(I->rt, 2, a[0], a[1])
                                                                   : rh_tuple_pack(I->rt, 1, a[0])))
        return NULL;
    rh_object *r = rh_super_new(I->rt, a[0], n == 2 ? a[1] : NULL);
    rh_xdecref(I->rt, t);
    return r;
}

/* property.getter / setter / deleter (property_copy) */
static rh_object *prop_copy(hx_interp *I, rh_object *self, rh_object **a, int n, int nkw, int which, const char *nm) {
    if (one_arg(I, nm, n, nkw)) return NULL;
    return rh_property_copy(I->rt, self, which, a[0]);
}
FN(prop_getter) { (void)kwn, (void)kwv; return prop_copy(I, self, a, n, nkw, 0, "getter"); }
FN(prop_setter) { (void)kwn, (void)kwv; return prop_copy(I, self, a, n, nkw, 1, "setter"); }
FN(prop_deleter) { (void)kwn, (void)kwv; return prop_copy(I, self, a, n, nkw, 2, "deleter"); }

/* object.__init__ reached through super() (object_init: no arguments beyond the instance) */
FN(object_init_bound) {
    (void)self, (void)a, (void)kwn, (void)kwv;
    if (n || nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "object.__init__() takes exactly one argument (the instance to initialize)");
        return NULL;
    }
    return newref(rh_none(I->rt));
}

/* object.__init_subclass__, a classmethod of object's (METH_CLASS | METH_NOARGS) bound to the class: it
 * takes nothing, the class keywords included */
FN(object_init_subclass_bound) {
    (void)a, (void)kwn, (void)kwv;
    const char *cn = self && rh_kind_of(self) == RH_K_TYPE ? ((rh_type *)self)->name : "object";
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.__init_subclass__() takes no keyword arguments", cn);
        return NULL;
    }
    if (n) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.__init_subclass__() takes no arguments (%d given)", cn, n);
        return NULL;
    }
    return newref(rh_none(I->rt));
}

DEF(b_staticmethod, "staticmethod", bi_staticmethod);
DEF(b_classmethod, "classmethod", bi_classmethod);
DEF(b_property, "property", bi_property);
DEF(b_super, "super", bi_super);
DEF(m_getter, "getter", prop_getter);
DEF(m_setter, "setter", prop_setter);
DEF(m_deleter, "deleter", prop_deleter);
DEF(m_object_init, "__init__", object_init_bound);
DEF(m_object_init_subclass, "__init_subclass__", object_init_subclass_bound);

rh_object *hx_object_init_subclass(hx_interp *I, rh_object *cls) { return rh_builtin_new(I->rt, &m_object_init_subclass, cls); }

static const struct { rh_kind kind; const rh_builtin_def *ctor; } func_types[] = {
    {RH_K_STATICMETHOD, &b_staticmethod}, {RH_K_CLASSMETHOD, &b_classmethod}, {RH_K_PROPERTY, &b_property},
    {RH_K_SUPER, &b_super}, {RH_K_NONE, NULL}};

const rh_builtin_def *hx_builtins_func_constructor(rh_object *type) {
    for (int i = 0; func_types[i].ctor; i++)
        if (((rh_type *)type)->kind == func_types[i].kind) return func_types[i].ctor;
    return hx_itertools_constructor(type); /* mod_itertools.c */
}

int hx_property_method_tables(rh_kind k, hx_mtab out[2]) {
    static const rh_builtin_def *const m[] = {&m_getter, &m_setter, &m_deleter, NULL};
    (void)k;
    out[0] = (hx_mtab){m, NULL};
    return 1;
}

int hx_builtins_func_init(hx_interp *I) {
    for (int i = 0; func_types[i].ctor; i++)
        if (rh_dict_set_cstr(I->rt, I->builtins, func_types[i].ctor->name,
                             (rh_object *)rh_builtin_type(I->rt, func_types[i].kind)))
            return -1;
    return 0;
}

/* ---------------------------------------------------------------- attributes */

static rh_object *or_none(hx_interp *I, rh_object *v) { return newref(v ? v : rh_none(I->rt)); }

/* The docstring: the unit's first statement when it is a string literal (func_new's co_consts[0]) */
static rh_object *docstring(hx_interp *I, hx_code *c) {
    if (c && c->nbody && c->body[0]->kind == S_EXPR && c->body[0]->a->kind == E_CONST &&
        c->body[0]->a->ckind == K_STR && c->body[0]->a->cst)
        return newref(c->body[0]->a->cst);
    return newref(rh_none(I->rt));
}

/* func_get_annotations (Objects/funcobject.c, 3.10+): made on first access, an empty dict when the def
 * had none, else the dict of MAKE_FUNCTION's name/value tuple (func_get_annotation_dict), which replaces
 * the tuple. New reference or NULL. */
static rh_object *func_annotations(hx_interp *I, rh_object *f) {
    rh_runtime *rt = I->rt;
    rh_object *a = rh_func_annotations(f);
    if (a && rh_kind_of(a) == RH_K_DICT) return newref(a);
    rh_object *d = rh_dict_new(rt);
    if (!d) return NULL;
    for (size_t i = 0; a && i + 1 < rh_tuple_len(a); i += 2)
        if (rh_dict_set(rt, d, rh_tuple_get(a, i), rh_tuple_get(a, i + 1))) {
            rh_decref(rt, d);
            return NULL;
        }
    rh_func_set_annotations(rt, f, d);
    return d; /* the function's reference was taken by the setter; this one is the caller's */
}

/* ---------------------------------------------------------------- code objects */

/* A tuple of the C strings names[0..n) as interned str. New reference or NULL. */
static rh_object *name_tuple(hx_interp *I, char *const *names, int n) {
    rh_object *t = rh_tuple_new(I->rt, (size_t)n);
    for (int i = 0; t && i < n; i++) {
        rh_object *s = hx_name(I, names[i]);
        if (!s) {
            rh_decref(I->rt, t);
            return NULL;
        }
        rh_tuple_set(t, (size_t)i, newref(s));
    }
    return t;
}

static int in_names(char *const *names, int n, const char *s) {
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], s)) return 1;
    return 0;
}

/* co_varnames: the fast locals that are not only cells or free variables (3.11's CO_FAST_LOCAL names:
 * every parameter, cell or not, then the other locals). refheap runs comprehensions inline, as 3.12 does
 * (PEP 709), so their variables are fast locals of the function; before 3.12 they are the comprehension
 * code object's own. */
static rh_object *code_varnames(hx_interp *I, hx_code *c) {
    int np = hx_code_nallparams(c), n = 0;
    /* (a <genexpr> unit is never inlined: all its slots, '.0' first, are its own) */
    int nslots = c->kind == CODE_FUNCTION && !c->comp && rh_runtime_profile(I->rt)->version_hex < 0x030C ? c->nnamed : c->nslots;
    char **v = malloc(((size_t)c->nslots + 1) * sizeof *v);
    if (!v) {
        rh_err_nomemory(I->rt);
        return NULL;
    }
    for (int i = 0; i < nslots; i++) {
        const char *s = c->slotnames[i];
        if (!s || (i >= np && in_names(c->cellnames, c->ncells, s)) || in_names(c->freenames, c->nfree, s)) continue;
        v[n++] = (char *)s;
    }
    rh_object *t = name_tuple(I, v, n);
    free(v);
    return t;
}

/* co_flags (Include/cpython/code.h): CO_OPTIMIZED | CO_NEWLOCALS for a function, CO_VARARGS,
 * CO_VARKEYWORDS, CO_NESTED (defined in a function: its qualname has <locals>), the generator and coroutine
 * bits, and, before 3.11, CO_NOFREE when it has no cell or free variable */
static int64_t code_flags(hx_interp *I, hx_code *c) {
    int64_t f = c->kind == CODE_FUNCTION ? 3 : 0;
    if (c->varargs) f |= 4;
    if (c->varkw) f |= 8;
    if (c->qualname && strstr(c->qualname, "<locals>")) f |= 16;
    f |= c->co_flags;
    if (rh_runtime_profile(I->rt)->version_hex < 0x030B && !c->ncells && !c->nfree) f |= 64;
    return f;
}

/* ---- co_consts and co_names (Python/compile.c: compiler_add_const / compiler_addop_name at emission).
 * refheap's instruction words follow 3.11's emission order, so walking them in order meets the constants
 * and names in the order 3.11's compiler added them; what refheap's instructions carry elsewhere (the
 * import level and fromlist, a class's name, 3.10's function qualname) is added where CPython's LOAD_CONST
 * would be. Differences are listed in docs/conformance.md. */

/* Appends o (a new reference, may be NULL after a failed allocation) to list l unless an equal constant
 * (_PyCode_ConstantKey: the same object, or the same type and equal for str, int, bytes and tuples of
 * those) is there. 0 or -1. */
static int add_unique(hx_interp *I, rh_object *l, rh_object *o) {
    rh_runtime *rt = I->rt;
    if (!o) return -1;
    rh_kind k = rh_kind_of(o);
    int by_value = k == RH_K_STR || k == RH_K_INT || k == RH_K_BYTES || k == RH_K_TUPLE;
    for (size_t i = 0; i < rh_list_len(l); i++) {
        rh_object *e = rh_list_get(l, i);
        if (e == o || (by_value && rh_type_of(e) == rh_type_of(o) && rh_equal(rt, e, o) == 1)) {
            rh_err_clear(rt);
            rh_decref(rt, o);
            return 0;
        }
    }
    int r = rh_list_append(rt, l, o);
    rh_decref(rt, o);
    return r;
}

/* A tuple of the names s[0..n) (KW_NAMES' constant, an import's fromlist). New reference or NULL. */
static rh_object *str_tuple(hx_interp *I, const char *const *s, int n) {
    rh_runtime *rt = I->rt;
    rh_object *t = rh_tuple_new(rt, (size_t)n);
    for (int i = 0; t && i < n; i++) {
        rh_object *v = rh_str_from_cstr(rt, s[i]);
        if (!v) rh_setref(rt, &t, NULL);
        else rh_tuple_set(t, (size_t)i, v);
    }
    return t;
}

/* The comma-joined fromlist of an IMPORT_NAME (compile.c import_stmt) as a tuple of str */
static rh_object *fromlist_tuple(hx_interp *I, const char *joined) {
    char buf[1024];
    const char *parts[128];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", joined);
    for (char *p = buf, *q; p && n < 128; p = q) {
        q = strchr(p, ',');
        if (q) *q++ = '\0';
        while (*p == ' ') p++;
        parts[n++] = p;
    }
    return str_tuple(I, parts, n);
}

/* Whether instruction word `at` of c is the target of a jump or of an exception-table entry */
static int is_jump_target(const hx_code *c, int at) {
    for (int i = 0; i < c->ncode; i += 1 + hx_opextra[hx_op(c->co_code[i])]) {
        unsigned op = hx_op(c->co_code[i]);
        if ((op == HX_JUMP || op == HX_HX_JUMP_WHILE || op == HX_POP_JUMP_IF_FALSE || op == HX_POP_JUMP_IF_TRUE || op == HX_JUMP_IF_FALSE_OR_POP ||
             op == HX_JUMP_IF_TRUE_OR_POP || op == HX_FOR_ITER || op == HX_SEND) && (int)hx_arg(c->co_code[i]) == at)
            return 1;
    }
    for (int i = 0; i < c->nexc; i++)
        if (c->co_exc[i].target == at) return 1;
    return 0;
}

static rh_object *code_object_in(hx_interp *I, hx_code *c, rh_object *file);

/* Whether a LOAD_CONST of item outside words [from, to) of c loads it (3.12's remove_unused_consts keeps
 * a folded tuple's item then) */
static int const_used_elsewhere(const hx_code *c, rh_object *item, int from, int to) {
    for (int i = 0; i < c->ncode; i += 1 + hx_opextra[hx_op(c->co_code[i])])
        if ((i < from || i >= to) && hx_op(c->co_code[i]) == HX_LOAD_CONST && c->co_consts[hx_arg(c->co_code[i])] == item &&
            !(i + 1 < c->ncode && hx_op(c->co_code[i + 1]) == HX_POP_TOP))
            return 1;
    return 0;
}

/* Removes o (identity; the first constant, the docstring or None, stays) from list l. 0 or -1. */
static int list_remove(hx_interp *I, rh_object *l, rh_object *o) {
    for (size_t i = 1; i < rh_list_len(l); i++)
        if (rh_list_get(l, i) == o) {
            rh_object *v = rh_list_pop(I->rt, l, (int64_t)i);
            if (!v) return -1;
            rh_decref(I->rt, v);
            return 0;
        }
    return 0;
}

/* Fills consts and names (lists) with co_consts and co_names of unit c in file `file`. 0 or -1. */
static int code_walk(hx_interp *I, hx_code *c, rh_object *file, rh_object *consts, rh_object *names) {
    rh_runtime *rt = I->rt;
    uint32_t ver = rh_runtime_profile(rt)->version_hex;
    int r = 0;
    if (c->kind == CODE_FUNCTION && !c->comp) r = add_unique(I, consts, docstring(I, c)); /* compiler_function */
    if (c->kind == CODE_CLASS) { /* compiler_class: __module__ = __name__; __qualname__ = 'C' (3.13: __firstlineno__) */
        static const char *const pro[] = {"__name__", "__module__", "__qualname__", "__firstlineno__"};
        for (int i = 0; i < (ver >= 0x030D ? 4 : 3) && r == 0; i++) r = add_unique(I, names, rh_str_from_cstr(rt, pro[i]));
        if (r == 0 && ver >= 0x0303) r = add_unique(I, consts, rh_str_from_cstr(rt, c->qualname ? c->qualname : c->name));
        if (r == 0 && ver >= 0x030D) r = add_unique(I, consts, rh_int_from_i64(rt, c->line));
        rh_object *doc = docstring(I, c); /* compiler_body: __doc__ */
        if (doc && doc != rh_none(rt)) {
            r = r ? r : add_unique(I, consts, newref(doc));
            r = r ? r : add_unique(I, names, rh_str_from_cstr(rt, "__doc__"));
        }
        rh_xdecref(rt, doc);
    }
    int tail = c->ncode - 2; /* the implicit `return None` compile_unit always emits */
    int dead_tail = tail > 0 && (hx_op(c->co_code[tail - 1]) == HX_RETURN_VALUE || hx_op(c->co_code[tail - 1]) == HX_RAISE_VARARGS ||
                                 hx_op(c->co_code[tail - 1]) == HX_RERAISE) && !is_jump_target(c, tail);
    /* the starts of the instructions walked so far, and the tuples the CFG optimizer folds
     * (fold_tuple_on_constants: BUILD_TUPLE over LOAD_CONSTs, the tuple added after every other constant) */
    int *starts = malloc(((size_t)c->ncode + 1) * sizeof *starts), nst = 0;
    rh_object *folded = starts ? rh_list_new(rt, 0) : NULL;
    if (!folded) {
        free(starts);
        if (!rh_err_occurred(rt)) rh_err_nomemory(rt);
        return -1;
    }
    for (int i = 0; i < c->ncode && r == 0; i += 1 + hx_opextra[hx_op(c->co_code[i])]) {
        hx_instr w = c->co_code[i];
        uint32_t arg = hx_arg(w);
        starts[nst++] = i;
        switch (hx_op(w)) {
        case HX_BUILD_TUPLE: {
            int k = (int)arg, all = nst - 1 >= k; /* BUILD_TUPLE 0 (f(**m)) folds to () */
            for (int j = 1; all && j <= k; j++) all = hx_op(c->co_code[starts[nst - 1 - j]]) == HX_LOAD_CONST;
            if (!all) break;
            rh_object *t = rh_tuple_new(rt, (size_t)k);
            for (int j = 0; t && j < k; j++)
                rh_tuple_set(t, (size_t)j, newref(c->co_consts[hx_arg(c->co_code[starts[nst - 1 - k + j]])]));
            r = add_unique(I, folded, t);
            if (ver >= 0x030C) /* remove_unused_consts (3.12+): the folded items go unless used elsewhere */
                for (int j = 1; r == 0 && j <= k; j++) {
                    rh_object *item = c->co_consts[hx_arg(c->co_code[starts[nst - 1 - j]])];
                    if (!const_used_elsewhere(c, item, starts[nst - 1 - k], i)) r = list_remove(I, consts, item);
                }
            break;
        }
        case HX_HX_LOAD_FOLDED: { /* the folded items stay where the compiler added them (3.12+: only if
                                   * loaded elsewhere), the tuple goes after the others */
            rh_object *t = c->co_consts[arg];
            for (size_t j = 0; r == 0 && j < rh_tuple_len(t); j++) {
                rh_object *item = rh_tuple_get(t, j);
                if (ver < 0x030C || const_used_elsewhere(c, item, i, i + 1)) r = add_unique(I, consts, newref(item));
            }
            if (r == 0) r = add_unique(I, folded, newref(t));
            break;
        }
        case HX_LOAD_CONST:
            if (i + 1 < c->ncode && hx_op(c->co_code[i + 1]) == HX_POP_TOP) break; /* a constant statement: no code */
            if (i == tail && dead_tail) break; /* 3.11 adds it only after a block that does not return */
            r = add_unique(I, consts, newref(c->co_consts[arg]));
            break;
        case HX_KW_NAMES:
            r = add_unique(I, consts, str_tuple(I, (const char *const *)c->kwlists[arg].names, c->kwlists[arg].n));
            break;
        case HX_LOAD_GLOBAL: case HX_LOAD_NAME:
            r = add_unique(I, names, newref(c->gcache[arg].name));
            break;
        case HX_STORE_GLOBAL: case HX_STORE_NAME: case HX_DELETE_GLOBAL: case HX_DELETE_NAME: case HX_LOAD_ATTR:
        case HX_STORE_ATTR: case HX_DELETE_ATTR: case HX_LOAD_METHOD:
            r = add_unique(I, names, newref(c->co_names[arg]));
            break;
        case HX_IMPORT_NAME: { /* LOAD_CONST level; LOAD_CONST fromlist; IMPORT_NAME name */
            uint32_t lf = c->co_code[i + 1];
            r = add_unique(I, consts, rh_int_from_i64(rt, (int64_t)(lf & 255u)));
            if (r == 0) r = add_unique(I, consts, lf >> 8 ? fromlist_tuple(I, c->co_cstrs[(lf >> 8) - 1]) : newref(rh_none(rt)));
            if (r == 0) r = add_unique(I, names, rh_str_from_cstr(rt, c->co_cstrs[arg]));
            break;
        }
        case HX_IMPORT_FROM:
            r = add_unique(I, names, rh_str_from_cstr(rt, c->co_cstrs[arg]));
            break;
        case HX_MAKE_FUNCTION: { /* LOAD_CONST code (3.3-3.10: LOAD_CONST qualname); MAKE_FUNCTION */
            hx_code *sub = c->co_codes[arg];
            r = add_unique(I, consts, code_object_in(I, sub, file));
            if (r == 0 && ver >= 0x0303 && ver < 0x030B)
                r = add_unique(I, consts, rh_str_from_cstr(rt, sub->qualname ? sub->qualname : sub->name));
            break;
        }
        case HX_HX_BUILD_CLASS: case HX_HX_BUILD_CLASS_CLOSURE: { /* LOAD_BUILD_CLASS; the body's function; 'C' */
            hx_code *sub = c->co_codes[arg];
            r = add_unique(I, consts, code_object_in(I, sub, file));
            if (r == 0 && ver >= 0x0303 && ver < 0x030B)
                r = add_unique(I, consts, rh_str_from_cstr(rt, sub->qualname ? sub->qualname : sub->name));
            if (r == 0) r = add_unique(I, consts, rh_str_from_cstr(rt, sub->name));
            break;
        }
        default: break;
        }
    }
    for (size_t k = 0; r == 0 && k < rh_list_len(folded); k++) r = add_unique(I, consts, newref(rh_list_get(folded, k)));
    rh_decref(rt, folded);
    free(starts);
    return r;
}

/* co_consts (which == 0) or co_names (1) of code object o as a tuple. New reference or NULL. */
static rh_object *code_table(hx_interp *I, rh_object *o, int which) {
    rh_runtime *rt = I->rt;
    rh_object *consts = rh_list_new(rt, 0), *names = consts ? rh_list_new(rt, 0) : NULL;
    rh_object *t = NULL;
    if (names && code_walk(I, rh_code_unit(o), rh_code_filename(o), consts, names) == 0)
        t = rh_tuple_from_iterable(rt, which ? names : consts);
    rh_xdecref(rt, consts);
    rh_xdecref(rt, names);
    return t;
}

/* ---- co_code, co_lnotab, co_linetable, co_exceptiontable. refheap's instruction words stand for 3.11's
 * code units (the size of the code object, co_positions and co_lines count them the same way): co_code is
 * two bytes per word, refheap's own opcode and the low byte of its operand, zero bytes for an
 * instruction's extra words (as 3.11's CACHE entries); the line and exception tables are CPython's
 * formats over those words (docs/conformance.md). */

static rh_object *code_bytes_attr(hx_interp *I, hx_code *c) {
    rh_object *b = rh_bytes_new(I->rt, 2 * (size_t)c->ncode);
    if (!b) return NULL;
    unsigned char *p = (unsigned char *)rh_bytes_wdata(b);
    for (int i = 0; i < c->ncode; i += 1 + hx_opextra[hx_op(c->co_code[i])]) {
        p[2 * i] = (unsigned char)hx_op(c->co_code[i]);
        p[2 * i + 1] = (unsigned char)(hx_arg(c->co_code[i]) & 255u);
    }
    return b;
}

/* A growable byte buffer (plain C memory; the bytes object is made at the end) */
typedef struct { unsigned char *p; size_t n, cap; int failed; } bbuf;
static void bput(bbuf *b, int v) {
    if (b->failed) return;
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 64;
        unsigned char *np = realloc(b->p, cap);
        if (!np) { b->failed = 1; return; }
        b->p = np, b->cap = cap;
    }
    b->p[b->n++] = (unsigned char)v;
}
static rh_object *bbuf_finish(hx_interp *I, bbuf *b) {
    rh_object *r = NULL;
    if (b->failed) rh_err_nomemory(I->rt);
    else r = rh_bytes_from(I->rt, b->p ? (const void *)b->p : (const void *)"", b->n);
    free(b->p);
    return r;
}

/* The source line of word i (0: none; the line of the instruction an extra word belongs to) */
static int line_at(const hx_code *c, int i) { return c->co_lines && c->co_lines[i] > 0 ? c->co_lines[i] : 0; }

/* co_lnotab (codeobject.c decode_linetable, emit_delta): (byte delta, line delta) pairs at each change of
 * line, deltas split at 255 bytes and at 127 / -128 lines; words without a line keep the line before */
static rh_object *code_lnotab(hx_interp *I, hx_code *c) {
    bbuf b = {0};
    int line = c->line, off = 0;
    for (int i = 0; i < c->ncode; i++) {
        int l = line_at(c, i);
        if (!l || l == line) continue;
        int bd = 2 * i - off, ld = l - line;
        for (; bd > 255; bd -= 255) bput(&b, 255), bput(&b, 0);
        for (; ld > 127; ld -= 127, bd = 0) bput(&b, bd), bput(&b, 127);
        for (; ld < -128; ld += 128, bd = 0) bput(&b, bd), bput(&b, -128 & 255);
        bput(&b, bd), bput(&b, ld & 255);
        off = 2 * i, line = l;
    }
    return bbuf_finish(I, &b);
}

/* 3.11's location table entries carry a signed varint (Objects/locations.md): zigzag, 6 bits a byte,
 * bit 6 set when more follow */
static void put_varint(bbuf *b, unsigned v) {
    while (v >= 64) bput(b, 64 | (int)(v & 63u)), v >>= 6;
    bput(b, (int)v);
}
static void put_svarint(bbuf *b, int v) { put_varint(b, v < 0 ? ((unsigned)-v << 1) | 1u : (unsigned)v << 1); }

/* co_linetable. 3.11+: location entries (Objects/locations.md) of at most 8 code units each, "no column"
 * entries (code 13, the line delta) for words with a line, "no location" (code 15) for the others, as
 * refheap keeps lines only (co_positions' columns are None). 3.10: (byte delta, line delta) pairs, -128
 * for no line (Objects/lnotab_notes.txt, compile.c assemble_line_range). */
static rh_object *code_linetable(hx_interp *I, hx_code *c) {
    bbuf b = {0};
    int prev = c->line;
    if (rh_runtime_profile(I->rt)->version_hex < 0x030B) {
        for (int i = 0, j; i < c->ncode; i = j) {
            int l = line_at(c, i);
            for (j = i + 1; j < c->ncode && line_at(c, j) == l; j++) {}
            int bd = 2 * (j - i), ld = l ? l - prev : -128;
            if (l) {
                prev = l;
                for (; ld > 127; ld -= 127) bput(&b, 0), bput(&b, 127);
                for (; ld < -127; ld += 127) bput(&b, 0), bput(&b, -127 & 255);
            }
            for (; bd > 254; bd -= 254, ld = l ? 0 : -128) bput(&b, 254), bput(&b, ld & 255);
            bput(&b, bd), bput(&b, ld & 255);
        }
        return bbuf_finish(I, &b);
    }
    for (int i = 0, j; i < c->ncode; i = j) {
        int l = line_at(c, i);
        for (j = i + 1; j < c->ncode && j - i < 8 && line_at(c, j) == l; j++) {}
        if (!l) {
            bput(&b, 0x80 | (15 << 3) | (j - i - 1));
        } else {
            bput(&b, 0x80 | (13 << 3) | (j - i - 1));
            put_svarint(&b, l - prev);
            prev = l;
        }
    }
    return bbuf_finish(I, &b);
}

/* One exception-table value (compile.c assemble_emit_exception_table_item): 6 bits a byte, most
 * significant first, bit 6 when more follow, bit 7 on the first byte of an entry */
static void put_exc_item(bbuf *b, unsigned v, int msb) {
    int shift = 24;
    while (shift > 0 && v < (1u << shift)) shift -= 6;
    for (; shift > 0; shift -= 6, msb = 0) bput(b, (int)((v >> shift) & 63u) | 64 | msb);
    bput(b, (int)(v & 63u) | msb);
}

/* co_exceptiontable (3.11+, Objects/exception_handling_notes.txt): one entry (start, size, target,
 * depth << 1 | lasti) per run of words under the same handler */
static rh_object *code_exctable(hx_interp *I, hx_code *c) {
    bbuf b = {0};
    for (int i = 0, j; c->co_handler && i < c->ncode; i = j) {
        int h = c->co_handler[i];
        for (j = i + 1; j < c->ncode && c->co_handler[j] == h; j++) {}
        if (h < 0 || h >= c->nexc) continue;
        const hx_handler *e = &c->co_exc[h];
        put_exc_item(&b, (unsigned)i, 128);
        put_exc_item(&b, (unsigned)(j - i), 0);
        put_exc_item(&b, (unsigned)e->target, 0);
        put_exc_item(&b, (unsigned)(e->depth << 1 | (e->lasti ? 1 : 0)), 0);
    }
    return bbuf_finish(I, &b);
}

/* The attributes of a code object that describe its unit (code_memberlist, code_getsetlist): 1 (*out
 * set), 0 none, -1 */
static int code_getattr(hx_interp *I, rh_object *o, const char *nm, rh_object **out) {
    rh_runtime *rt = I->rt;
    hx_code *c = rh_code_unit(o);
    int64_t iv = -1;
    if (!strcmp(nm, "co_name")) *out = hx_name(I, c->name), rh_xincref(*out);
    else if (!strcmp(nm, "co_qualname") && rh_runtime_profile(rt)->version_hex >= 0x030B)
        *out = hx_name(I, c->qualname ? c->qualname : c->name), rh_xincref(*out);
    else if (!strcmp(nm, "co_varnames")) *out = code_varnames(I, c);
    else if (!strcmp(nm, "co_filename")) *out = newref(rh_code_filename(o));
    else if (!strcmp(nm, "co_cellvars")) *out = name_tuple(I, c->cellnames, c->ncells);
    else if (!strcmp(nm, "co_freevars")) *out = name_tuple(I, c->freenames, c->nfree);
    else if (!strcmp(nm, "co_argcount")) iv = c->nparams;
    else if (!strcmp(nm, "co_posonlyargcount") && !rh_runtime_profile(rt)->python2) iv = c->nposonly;
    else if (!strcmp(nm, "co_kwonlyargcount") && !rh_runtime_profile(rt)->python2) iv = c->nkwonly;
    else if (!strcmp(nm, "co_firstlineno")) iv = c->line;
    else if (!strcmp(nm, "co_flags")) iv = code_flags(I, c);
    else if (!strcmp(nm, "co_stacksize")) iv = c->co_stacksize;
    else if (!strcmp(nm, "co_nlocals")) {
        rh_object *v = code_varnames(I, c);
        if (!v) return -1;
        iv = (int64_t)rh_tuple_len(v);
        rh_decref(rt, v);
    } else if (!strcmp(nm, "co_consts")) *out = code_table(I, o, 0);
    else if (!strcmp(nm, "co_names")) *out = code_table(I, o, 1);
    else if (!strcmp(nm, "co_code")) *out = code_bytes_attr(I, c);
    else if (!strcmp(nm, "co_lnotab")) *out = code_lnotab(I, c);
    else if (!strcmp(nm, "co_linetable") && RH_API(I, "code", "co_linetable")) *out = code_linetable(I, c);
    else if (!strcmp(nm, "co_exceptiontable") && RH_API(I, "code", "co_exceptiontable")) *out = code_exctable(I, c);
    else return 0;
    if (iv >= 0) *out = rh_int_from_i64(rt, iv);
    return *out ? 1 : -1;
}

static int unit_in(const hx_code *root, const hx_code *c) {
    if (root == c) return 1;
    for (int i = 0; root && i < root->ncodes; i++)
        if (unit_in(root->co_codes[i], c)) return 1;
    return 0;
}

/* The imported module file whose units include c (a finished generator's gi_code has no globals left to
 * ask), or NULL: the main script's */
static const hx_modfile *unit_file(hx_interp *I, const hx_code *c) {
    for (const hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
        if (m->code && unit_in(m->code, c)) return m;
    return NULL;
}

/* The code object of unit c, whose module globals are `globals` (its co_filename): made at the first read
 * and kept with the unit (CPython's exists from compilation; refheap's units are not objects until a
 * program asks: f.__code__, frame.f_code). New reference or NULL. */
rh_object *hx_code_object(hx_interp *I, hx_code *c, rh_object *globals) {
    if (c->co_obj) return newref(c->co_obj);
    const hx_modfile *mf = globals ? hx_imports_file_of_globals(I, globals) : unit_file(I, c);
    const char *path = mf ? (mf->abspath ? mf->abspath : mf->path) : hx_script_path(I);
    rh_object *file = rh_str_from_cstr(I->rt, path);
    rh_object *co = file ? code_object_in(I, c, file) : NULL;
    rh_xdecref(I->rt, file);
    return co;
}

/* The code object of unit c whose co_filename is `file` (borrowed; a nested unit's is its parent's).
 * New reference or NULL. */
static rh_object *code_object_in(hx_interp *I, hx_code *c, rh_object *file) {
    rh_runtime *rt = I->rt;
    if (c->co_obj) return newref(c->co_obj);
    rh_object *name = hx_name(I, c->name);
    rh_object *co = name ? rh_code_new(rt, c, (size_t)c->ncode, name, file, c->line) : NULL;
    if (!co) return NULL;
    if ((!I->code_objs && !(I->code_objs = rh_list_new(rt, 0))) || rh_list_append(rt, I->code_objs, co) != 0) {
        rh_decref(rt, co);
        return NULL;
    }
    c->co_obj = co;
    return co;
}

/* The source line of instruction word i of c, or 0 when it has none */
static int word_line(const hx_code *c, int i) { return c->co_lines && c->co_lines[i] > 0 ? c->co_lines[i] : 0; }

/* Word i's line as co_lines and co_positions give it: None when it has none, but 0 for a module's RESUME
 * (compile.c compiler_enter_scope: a module's first line is 0) */
static rh_object *line_obj(hx_interp *I, const hx_code *c, int i) {
    int line = word_line(c, i);
    if (!line && c->kind == CODE_MODULE && hx_op(c->co_code[i]) == HX_RESUME) return rh_int_from_i64(I->rt, 0);
    return line ? rh_int_from_i64(I->rt, line) : newref(rh_none(I->rt));
}

/* Appends (v0, v1, ...) of n new references (each may be NULL after a failed allocation: then nothing is
 * appended) to list l. 0 or -1. */
static int append_tuple(rh_runtime *rt, rh_object *l, size_t n, rh_object **v) {
    int ok = 1;
    for (size_t k = 0; k < n; k++) ok &= v[k] != NULL;
    rh_object *t = ok ? rh_tuple_new(rt, n) : NULL;
    for (size_t k = 0; k < n; k++) {
        if (t) rh_tuple_set(t, k, v[k]);
        else rh_xdecref(rt, v[k]);
    }
    int r = t ? rh_list_append(rt, l, t) : -1;
    rh_xdecref(rt, t);
    return r;
}

static rh_object *int_or_none(hx_interp *I, int64_t v) { return v ? rh_int_from_i64(I->rt, v) : newref(rh_none(I->rt)); }

/* code.co_positions() (Objects/codeobject.c code_positions): one (line, end_line, column, end_column) per
 * instruction word (CPython: per 2-byte code unit; traceback._get_code_position indexes it with
 * tb_lasti // 2, and refheap's tb_lasti is twice the word index), the columns 0-based UTF-8 byte offsets;
 * None where the compiler gave the instruction no columns */
FN(code_positions) {
    (void)a, (void)kwn, (void)kwv;
    rh_runtime *rt = I->rt;
    if (n || nkw) {
        rh_err_set(rt, RH_EXC_TYPE, "code.co_positions() takes no arguments (%d given)", n + nkw);
        return NULL;
    }
    hx_code *c = rh_code_unit(self);
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0; l && i < c->ncode; i++) {
        hx_pos p = c->co_pos ? c->co_pos[i] : (hx_pos){0, 0, 0};
        rh_object *v[4] = {line_obj(I, c, i), int_or_none(I, p.end_line),
                           p.end_line ? rh_int_from_i64(rt, p.col - 1) : newref(rh_none(rt)),
                           p.end_line ? rh_int_from_i64(rt, p.end_col - 1) : newref(rh_none(rt))};
        if (append_tuple(rt, l, 4, v) != 0) rh_setref(rt, &l, NULL);
    }
    rh_object *it = l ? rh_getiter(rt, l) : NULL;
    rh_xdecref(rt, l);
    return it;
}

/* code.co_lines() (3.10+, PEP 626; codeobject.c code_linesiterator): (start, end, line) byte ranges of
 * consecutive code units on the same line (line None where an instruction has none). */
FN(code_lines) {
    (void)a, (void)kwn, (void)kwv;
    rh_runtime *rt = I->rt;
    if (n || nkw) {
        rh_err_set(rt, RH_EXC_TYPE, "code.co_lines() takes no arguments (%d given)", n + nkw);
        return NULL;
    }
    hx_code *c = rh_code_unit(self);
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0, j; l && i < c->ncode; i = j) {
        int line = word_line(c, i), resume = hx_op(c->co_code[i]) == HX_RESUME;
        for (j = i + 1; j < c->ncode && word_line(c, j) == line && !resume; j++) {}
        rh_object *v[3] = {rh_int_from_i64(rt, 2 * (int64_t)i), rh_int_from_i64(rt, 2 * (int64_t)j), line_obj(I, c, i)};
        if (append_tuple(rt, l, 3, v) != 0) rh_setref(rt, &l, NULL);
    }
    rh_object *it = l ? rh_getiter(rt, l) : NULL;
    rh_xdecref(rt, l);
    return it;
}

DEF(m_co_positions, "co_positions", code_positions);
DEF(m_co_lines, "co_lines", code_lines);

/* code's methods (code_methods): co_lines from 3.10, co_positions from 3.11 */
int hx_code_method_tables(rh_kind k, hx_mtab out[2]) {
    static const rh_builtin_def *const m[] = {&m_co_lines, &m_co_positions, NULL};
    (void)k;
    out[0] = (hx_mtab){m, NULL};
    return 1;
}

static rh_object *func_code(hx_interp *I, rh_object *f) {
    return hx_code_object(I, rh_func_code(f), rh_func_globals(f));
}

/* 2.7's func_code, func_defaults, func_doc, func_globals, func_dict, func_closure, func_name (funcobject.c
 * func_memberlist / func_getsetlist aliases): 1 with *alias the __x__ name (borrowed), 0 when nm is none
 * of them, -1 (MemoryError) */
static int py2_alias(hx_interp *I, const char *nm, rh_object **alias) {
    static const char *const al[] = {"code", "defaults", "doc", "globals", "dict", "closure", "name", NULL};
    if (!rh_runtime_profile(I->rt)->python2 || strncmp(nm, "func_", 5) != 0) return 0;
    for (int i = 0; al[i]; i++)
        if (!strcmp(nm + 5, al[i])) {
            char buf[32];
            snprintf(buf, sizeof buf, "__%s__", al[i]);
            return (*alias = hx_name(I, buf)) ? 1 : -1;
        }
    return 0;
}

int hx_func_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    const char *nm = hx_cstr(I, name);
    rh_object *alias = NULL;
    int al = py2_alias(I, nm, &alias);
    if (al && !strcmp(nm, "func_name")) return *out = newref(rh_func_name(o)), 1;
    if (al) return al < 0 ? -1 : hx_func_getattr(I, o, alias, out);
    if (!strcmp(nm, "__closure__")) *out = or_none(I, rh_func_closure(o));
    else if (!strcmp(nm, "__code__")) return (*out = func_code(I, o)) ? 1 : -1;
    else if (!strcmp(nm, "__defaults__")) *out = or_none(I, rh_func_defaults(o));
    else if (!strcmp(nm, "__kwdefaults__")) *out = or_none(I, rh_func_kwdefaults(o));
    else if (!strcmp(nm, "__doc__")) *out = rh_func_doc(o) ? newref(rh_func_doc(o)) : docstring(I, rh_func_code(o));
    else if (!strcmp(nm, "__globals__")) *out = or_none(I, rh_func_globals(o));
    else if (!strcmp(nm, "__builtins__") && RH_API(I, "function", "__builtins__")) *out = newref(I->builtins); /* func_builtins */
    else if (!strcmp(nm, "__name__")) *out = newref(rh_func_name(o));
    else if (!strcmp(nm, "__qualname__") && !rh_runtime_profile(I->rt)->python2) *out = newref(rh_func_qualname(o));
    else if (!strcmp(nm, "__annotations__")) return (*out = func_annotations(I, o)) ? 1 : -1;
    else if (!strcmp(nm, "__dict__")) {
        rh_object *d = rh_func_dict(I->rt, o);
        *out = d ? newref(d) : NULL;
        return d ? 1 : -1;
    } else {
        rh_object *d = rh_func_dict_peek(o), *v = d ? rh_dict_get(I->rt, d, name) : NULL;
        if (!v) return rh_err_occurred(I->rt) ? -1 : 0;
        *out = newref(v);
    }
    return 1;
}

int hx_func_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v) {
    rh_runtime *rt = I->rt;
    const char *nm = hx_cstr(I, name);
    rh_object *alias = NULL;
    int al = py2_alias(I, nm, &alias);
    if (al) return al < 0 ? -1 : hx_func_setattr(I, o, alias, v);
    if (!strcmp(nm, "__defaults__") || !strcmp(nm, "__kwdefaults__")) {
        int kw = nm[2] == 'k';
        rh_kind want = kw ? RH_K_DICT : RH_K_TUPLE;
        if (v && v != rh_none(rt) && rh_kind_of(v) != want) {
            rh_err_set(rt, RH_EXC_TYPE, "%s must be set to a %s object", nm, kw ? "dict" : "tuple");
            return -1;
        }
        if (v == rh_none(rt)) v = NULL;
        if (kw) rh_func_set_kwdefaults(rt, o, v);
        else rh_func_set_defaults(rt, o, v);
        return 0;
    }
    if (!strcmp(nm, "__doc__")) {
        rh_func_set_doc(rt, o, v ? v : rh_none(rt));
        return 0;
    }
    if (!strcmp(nm, "__name__") || (!strcmp(nm, "__qualname__") && !rh_runtime_profile(rt)->python2)) {
        /* func_set_name, func_set_qualname (3.3+) */
        int q = nm[2] == 'q';
        if (!v || rh_kind_of(v) != RH_K_STR) {
            rh_err_set(rt, RH_EXC_TYPE, "%s must be set to a string object", nm);
            return -1;
        }
        if (q) rh_func_set_qualname(rt, o, v);
        else rh_func_set_name(rt, o, v);
        return 0;
    }
    if (!strcmp(nm, "__annotations__")) { /* func_set_annotations: None and del clear it, else a dict */
        if (v == rh_none(rt)) v = NULL;
        if (v && rh_kind_of(v) != RH_K_DICT) {
            rh_err_set(rt, RH_EXC_TYPE, "__annotations__ must be set to a dict object");
            return -1;
        }
        rh_func_set_annotations(rt, o, v);
        return 0;
    }
    if (!strcmp(nm, "__dict__")) { /* PyObject_GenericSetDict */
        int py2 = rh_runtime_profile(rt)->python2; /* 2.7: func_set_dict's own messages */
        if (!v) {
            rh_err_set(rt, RH_EXC_TYPE, "%s", py2 ? "function's dictionary may not be deleted" : "cannot delete __dict__");
            return -1;
        }
        if (rh_kind_of(v) != RH_K_DICT) {
            if (py2) rh_err_set(rt, RH_EXC_TYPE, "setting function's dictionary to a non-dict");
            else rh_err_set(rt, RH_EXC_TYPE, "__dict__ must be set to a dictionary, not a '%s'", hx_tname(v));
            return -1;
        }
        rh_func_set_dict(rt, o, v);
        return 0;
    }
    if (!strcmp(nm, "__code__")) { /* func_set_code */
        if (!v || rh_kind_of(v) != RH_K_CODE) {
            rh_err_set(rt, RH_EXC_TYPE, "__code__ must be set to a code object");
            return -1;
        }
        hx_code *cur = rh_func_code(o), *nc = rh_code_unit(v);
        if (nc == cur) return 0;
        if (nc->nfree != cur->nfree) {
            rh_err_set(rt, RH_EXC_VALUE, "%s() requires a code object with %d free vars, not %d", hx_cstr(I, rh_func_name(o)),
                       cur->nfree, nc->nfree);
            return -1;
        }
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "refheap: a function's __code__ cannot be replaced by another unit's (docs/conformance.md)");
        return -1;
    }
    if (!strcmp(nm, "__closure__") || !strcmp(nm, "__globals__") || (!strcmp(nm, "__builtins__") && RH_API(I, "function", "__builtins__"))) {
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "readonly attribute");
        return -1;
    }
    rh_object *d = rh_func_dict(rt, o);
    if (!d) return -1;
    if (v) return rh_dict_set(rt, d, name, v);
    if (rh_dict_del(rt, d, name) == 0) return 0;
    rh_err_clear(rt);
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'function' object has no attribute '%s'", nm);
    return -1;
}

/* Attributes of cells, staticmethod/classmethod, property and super objects: 1 (*out set), 0 none, -1 */
/* super().__new__ when no class after the super's type defines __new__: the tp_new_wrapper of the first
 * built-in type past it on start's MRO (dict.__new__ bound to dict); NULL without an error when that is
 * object's or type's (found the older way) */
static rh_object *super_tp_new(hx_interp *I, rh_object *su, rh_object *start) {
    rh_object *mro = ((rh_type *)start)->mro;
    size_t i = 0, n = mro && rh_kind_of(mro) == RH_K_TUPLE ? rh_tuple_len(mro) : 0;
    while (i < n && rh_tuple_get(mro, i) != rh_super_type(su)) i++;
    for (i++; i < n; i++) {
        rh_object *b = rh_tuple_get(mro, i);
        if (!hx_is_heap_class(b)) return hx_tp_new_wrapper(I, (rh_type *)b);
    }
    return NULL;
}

int hx_funcobj_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    rh_runtime *rt = I->rt;
    const char *nm = hx_cstr(I, name);
    switch (rh_kind_of(o)) {
    case RH_K_CELL:
        if (strcmp(nm, "cell_contents") != 0) return 0;
        if (!rh_cell_get(o)) {
            rh_err_set(rt, RH_EXC_VALUE, "Cell is empty");
            return -1;
        }
        *out = newref(rh_cell_get(o));
        return 1;
    case RH_K_CODE: return code_getattr(I, o, nm, out);
    case RH_K_METHOD_DESCR: case RH_K_CLASSMETHOD_DESCR: case RH_K_GETSET_DESCR: case RH_K_MEMBER_DESCR: {
        /* descr_members, descr_getset: __objclass__, __name__, __qualname__ */
        rh_type *t = rh_descr_objclass(o);
        if (!strcmp(nm, "__objclass__")) *out = newref((rh_object *)t);
        else if (!strcmp(nm, "__name__")) *out = newref(rh_descr_name(o));
        else if (!strcmp(nm, "__qualname__") && !rh_runtime_profile(rt)->python2) {
            const char *dot = strrchr(t->name, '.'); /* descr_get_qualname: type's __qualname__ . name */
            char buf[256];
            snprintf(buf, sizeof buf, "%s.%s", dot ? dot + 1 : t->name, hx_cstr(I, rh_descr_name(o)));
            *out = rh_str_from_cstr(rt, buf);
        } else return 0;
        return *out ? 1 : -1;
    }
    case RH_K_STATICMETHOD: case RH_K_CLASSMETHOD:
        if (strcmp(nm, "__func__") != 0 && strcmp(nm, "__wrapped__") != 0) return 0;
        *out = or_none(I, rh_funcdescr_callable(o));
        return 1;
    case RH_K_PROPERTY: {
        static const char *const parts[] = {"fget", "fset", "fdel", "__doc__"};
        for (int i = 0; i < 4; i++)
            if (!strcmp(nm, parts[i])) {
                rh_object *v = rh_property_part(o, i);
                if (!v && i == 3 && rh_property_part(o, 0) && rh_kind_of(rh_property_part(o, 0)) == RH_K_FUNCTION)
                    return hx_func_getattr(I, rh_property_part(o, 0), name, out); /* the getter's docstring */
                *out = or_none(I, v);
                return 1;
            }
        const rh_builtin_def *d = hx_kind_method_def(I, RH_K_PROPERTY, nm);
        if (!d) return 0;
        *out = rh_builtin_new(rt, d, o);
        return *out ? 1 : -1;
    }
    case RH_K_SUPER: {
        rh_object *r = rh_getattr(rt, o, name);
        if (r) {
            *out = r;
            return 1;
        }
        rh_object *so = rh_super_obj(o);
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && so && hx_is_builtin_subclass_instance(so)) {
            rh_type *bt = rh_type_of(so); /* past the classes: the built-in base's method (list.append) */
            while ((bt->flags & RH_TPFLAG_HEAPTYPE) && !hx_odict_answers_below(bt, rh_super_type(o))) bt = bt->base;
            rh_err_state saved;
            rh_err_save(rt, &saved);
            *out = hx_builtin_descr(I, (rh_object *)bt, name, so);
            if (*out || rh_err_occurred(rt)) { /* the saved AttributeError is dropped */
                rh_xdecref(rt, saved.value);
                rh_xdecref(rt, saved.tb);
                return *out ? 1 : -1;
            }
            rh_err_restore_state(rt, &saved);
        }
        rh_object *start = rh_super_obj_type(o);
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && start && hx_is_metatype(start)) {
            /* past a metaclass's classes: type's methods (super().__new__/__call__/__init__ in a metaclass) */
            rh_object *m = hx_type_method(I, so == start ? NULL : so, name);
            if (m) {
                rh_err_clear(rt);
                *out = m;
                return 1;
            }
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && so && rh_is_exc_instance(so)) {
            rh_object *m = hx_exc_method(I, so, name); /* past the classes: BaseException's (builtins_exc.c) */
            if (m) {
                rh_err_clear(rt);
                *out = m;
                return 1;
            }
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && !strcmp(nm, "__init__") && rh_super_obj(o)) {
            rh_err_clear(rt); /* object.__init__, the end of every MRO: a bound built-in */
            *out = rh_builtin_new(rt, &m_object_init, rh_super_obj(o));
            return *out ? 1 : -1;
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && !strcmp(nm, "__init_subclass__") && rh_super_obj(o)) {
            rh_err_clear(rt); /* object.__init_subclass__ bound to the class super() was given */
            *out = hx_object_init_subclass(I, rh_super_obj(o));
            return *out ? 1 : -1;
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && !strcmp(nm, "__new__") && start && rh_kind_of(start) == RH_K_TYPE) {
            rh_type *bt = (rh_type *)start; /* past the classes: a built-in base's tp_new_wrapper (int.__new__) */
            while (bt->flags & RH_TPFLAG_HEAPTYPE) bt = bt->base;
            rh_err_state saved;
            rh_err_save(rt, &saved);
            rh_object *m = bt->kind == RH_K_INT || bt->kind == RH_K_STR ? hx_method_descr(I, bt, name) : NULL;
            if (m || rh_err_occurred(rt)) {
                rh_xdecref(rt, saved.value);
                rh_xdecref(rt, saved.tb);
                *out = m;
                return m ? 1 : -1;
            }
            rh_err_restore_state(rt, &saved);
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && !strcmp(nm, "__new__") && start) {
            rh_object *w = super_tp_new(I, o, start); /* the built-in base's tp_new_wrapper: dict.__new__ */
            if (w || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) {
                if (w) rh_err_clear(rt);
                *out = w;
                return w ? 1 : -1;
            }
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && !strcmp(nm, "__new__")) {
            rh_object *nf = rh_dict_get(rt, I->object_methods, name); /* object.__new__: a static method */
            if (nf) {
                rh_err_clear(rt);
                *out = newref(nf);
                return 1;
            }
        }
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE && so && nm[0] == '_' && nm[1] == '_') {
            /* object, the end of every MRO: its method bound to the instance (super().__setattr__(k, v)) */
            rh_object *of = rh_dict_get(rt, I->object_methods, name);
            if (of && rh_kind_of(of) == RH_K_BUILTIN) {
                rh_err_clear(rt);
                *out = rh_method_new(rt, of, so);
                return *out ? 1 : -1;
            }
        }
        return -1;
    }
    default: return 0;
    }
}
