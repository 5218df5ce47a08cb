/* builtins_func.c — what programs do with functions beyond calling them: the staticmethod, classmethod,
 * property and super built-ins (bound as their type objects; the objects are the library's,
 * reference/src/t_funcdescr.c), property's getter/setter/deleter, the attributes of functions
 * (Objects/funcobject.c func_getsetlist and func_memberlist: __closure__, __defaults__, __kwdefaults__,
 * __doc__, __dict__ and arbitrary attributes), of cells (cell_contents), of staticmethod/classmethod
 * (__func__), of properties (fget, fset, fdel, __doc__), and super objects' attributes (the library's
 * super_getattro, with object.__init__ at the end of the MRO).
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
    return rh_super_new(I->rt, a[0], n == 2 ? a[1] : NULL);
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
    int nslots = c->kind == CODE_FUNCTION && rh_runtime_profile(I->rt)->version_hex < 0x030C ? c->nnamed : c->nslots;
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
    } else return 0;
    if (iv >= 0) *out = rh_int_from_i64(rt, iv);
    return *out ? 1 : -1;
}

/* The code object of unit c, whose module globals are `globals` (its co_filename): made at the first read
 * and kept with the unit (CPython's exists from compilation; refheap's units are not objects until a
 * program asks: f.__code__, frame.f_code). New reference or NULL. */
rh_object *hx_code_object(hx_interp *I, hx_code *c, rh_object *globals) {
    rh_runtime *rt = I->rt;
    if (c->co_obj) return newref(c->co_obj);
    const hx_modfile *mf = globals ? hx_imports_file_of_globals(I, globals) : NULL;
    const char *path = mf ? (mf->abspath ? mf->abspath : mf->path) : I->abspath ? I->abspath : I->filename;
    rh_object *name = hx_name(I, c->name), *file = name ? rh_str_from_cstr(rt, path) : NULL;
    rh_object *co = file ? rh_code_new(rt, c, (size_t)c->ncode, name, file, c->line) : NULL;
    rh_xdecref(rt, file);
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
        rh_object *v[4] = {int_or_none(I, word_line(c, i)), int_or_none(I, p.end_line),
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
        int line = word_line(c, i);
        for (j = i + 1; j < c->ncode && word_line(c, j) == line; j++) {}
        rh_object *v[3] = {rh_int_from_i64(rt, 2 * (int64_t)i), rh_int_from_i64(rt, 2 * (int64_t)j), int_or_none(I, line)};
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

int hx_func_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    const char *nm = hx_cstr(I, name);
    if (!strcmp(nm, "__closure__")) *out = or_none(I, rh_func_closure(o));
    else if (!strcmp(nm, "__code__")) return (*out = func_code(I, o)) ? 1 : -1;
    else if (!strcmp(nm, "__defaults__")) *out = or_none(I, rh_func_defaults(o));
    else if (!strcmp(nm, "__kwdefaults__")) *out = or_none(I, rh_func_kwdefaults(o));
    else if (!strcmp(nm, "__doc__")) *out = rh_func_doc(o) ? newref(rh_func_doc(o)) : docstring(I, rh_func_code(o));
    else if (!strcmp(nm, "__globals__")) *out = or_none(I, rh_func_globals(o));
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
    if (!strcmp(nm, "__closure__") || !strcmp(nm, "__globals__")) {
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
        return -1;
    }
    default: return 0;
    }
}
