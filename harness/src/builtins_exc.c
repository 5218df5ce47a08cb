/* builtins_exc.c — the methods of exception objects (CPython 3.11 Objects/exceptions.c: BaseException_methods
 * with_traceback and add_note; BaseExceptionGroup_methods derive, split and subgroup with
 * exceptiongroup_split_recursive and exceptiongroup_subset) and the ExceptionGroup class.
 *
 * Owns hx_exc_method (the method of an exception instance by name, bound to it) and hx_exc_group_init.
 * The objects, their fields and BaseExceptionGroup.__new__'s checks are the library's (reference/src/t_exc.c).
 * Every function has the hx_cfn signature: arguments borrowed, a new reference or NULL with the error set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define DEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* getattr(o, s) / setattr(o, s, v) by a C name (its interned str may fail to be made: MemoryError) */
static rh_object *attr(hx_interp *I, rh_object *o, const char *s) {
    rh_object *nm = hx_name(I, s);
    return nm ? hx_getattr_obj(I, o, nm) : NULL;
}
static int set_attr(hx_interp *I, rh_object *o, const char *s, rh_object *v) {
    rh_object *nm = hx_name(I, s);
    return nm ? hx_setattr(I, o, nm, v) : -1;
}

/* METH_O / METH_NOARGS argument checks with CPython's messages */
static int one_arg(hx_interp *I, const char *f, int n, int nkw) {
    if (nkw) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", f);
    else if (n != 1) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", f, n);
    return nkw || n != 1 ? -1 : 0;
}

static int is_group(hx_interp *I, rh_object *o) {
    return rh_is_exc_instance(o) && rh_exc_class_matches((rh_object *)rh_type_of(o),
                                                         (rh_object *)rh_exc_type(I->rt, RH_EXC_BASEEXCEPTIONGROUP));
}

int hx_import_error_keywords(hx_interp *I, rh_object *self, char **kwn, rh_object **kwv, int nkw) {
    for (int i = 0; i < nkw; i++)
        if (strcmp(kwn[i], "name") && strcmp(kwn[i], "path")) {
            if (RH_API(I, "ImportError", "msg:clinic-313"))
                rh_err_set(I->rt, RH_EXC_TYPE, "ImportError() got an unexpected keyword argument '%s'", kwn[i]);
            else rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for ImportError()", kwn[i]);
            return -1;
        }
    for (int i = 0; i < nkw; i++)
        (kwn[i][0] == 'n' ? rh_exc_set_import_name : rh_exc_set_import_path)(I->rt, self, kwv[i]);
    return 0;
}

/* BaseException.__init__(*args) (BaseException_init and the layouts' own: StopIteration_init, OSError_init,
 * SyntaxError_init...): args replaced, the layout's fields set from them; no keywords but ImportError's */
FN(exc_init) {
    int import_error = nkw && !I->exc_py2 &&
                       rh_exc_class_matches((rh_object *)rh_type_of(self), (rh_object *)rh_exc_type(I->rt, RH_EXC_IMPORT));
    if (nkw && !import_error) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", rh_type_of(self)->name);
        return NULL;
    }
    if (import_error && hx_import_error_keywords(I, self, kwn, kwv, nkw)) return NULL;
    return rh_exc_init(I->rt, self, a, (size_t)n) ? NULL : newref(rh_none(I->rt));
}

/* BaseException.with_traceback(tb): __traceback__ set (a traceback or None), self returned */
FN(exc_with_traceback) {
    (void)kwn, (void)kwv;
    if (one_arg(I, "with_traceback", n, nkw)) return NULL;
    if (set_attr(I, self, "__traceback__", a[0]) != 0) return NULL;
    return newref(self);
}

/* BaseException.add_note(note) (3.11): note appended to the list __notes__, made on the first note */
FN(exc_add_note) {
    (void)kwn, (void)kwv;
    rh_runtime *rt = I->rt;
    if (one_arg(I, "add_note", n, nkw)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "note must be a str, not '%s'", hx_tname(a[0]));
        return NULL;
    }
    rh_object *notes = attr(I, self, "__notes__");
    if (!notes) {
        if (rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(rt);
        if (!(notes = rh_list_new(rt, 0))) return NULL;
        if (set_attr(I, self, "__notes__", notes) != 0) {
            rh_decref(rt, notes);
            return NULL;
        }
    } else if (rh_kind_of(notes) != RH_K_LIST) {
        rh_decref(rt, notes);
        rh_err_set(rt, RH_EXC_TYPE, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    int rc = rh_list_append(rt, notes, a[0]);
    rh_decref(rt, notes);
    return rc ? NULL : newref(rh_none(rt));
}

/* BaseExceptionGroup.derive(excs): BaseExceptionGroup(self.message, excs) */
FN(group_derive) {
    (void)kwn, (void)kwv;
    rh_runtime *rt = I->rt;
    if (one_arg(I, "derive", n, nkw)) return NULL;
    rh_object *msg = attr(I, self, "message");
    if (!msg) return NULL;
    rh_object *args[2] = {msg, a[0]};
    rh_object *r = rh_exc_new(rt, (rh_object *)rh_exc_type(rt, RH_EXC_BASEEXCEPTIONGROUP), args, 2);
    rh_decref(rt, msg);
    return r;
}

/* The matcher of split/subgroup (get_matcher_type): 0 an exception type, 1 a tuple of them, 2 a predicate */
static int matcher_kind(hx_interp *I, rh_object *m) {
    if (rh_is_exc_class(m)) return 0;
    if (rh_kind_of(m) == RH_K_TUPLE) {
        for (size_t i = 0; i < rh_tuple_len(m); i++)
            if (!rh_is_exc_class(rh_tuple_get(m, i))) goto bad;
        return 1;
    }
    if (rh_kind_of(m) != RH_K_TYPE && (rh_kind_of(m) == RH_K_WEAKREF || rh_type_of(m)->tp_call)) return 2; /* PyCallable_Check */
bad:
    rh_err_set(I->rt, RH_EXC_TYPE, "expected a function, exception type or tuple of exception types");
    return -1;
}

/* exceptiongroup_split_check_match: 1, 0, or -1 */
static int split_match(hx_interp *I, rh_object *exc, int kind, rh_object *m) {
    if (kind < 2) return rh_exc_class_matches((rh_object *)rh_type_of(exc), m);
    rh_object *r = hx_call_borrowed(I, m, &exc, 1);
    if (!r) return -1;
    int t = rh_truthy(I->rt, r);
    rh_decref(I->rt, r);
    return t;
}

/* exceptiongroup_subset: orig.derive(excs) (a list) with orig's __traceback__, __context__, __cause__ and a copy
 * of its __notes__; a new reference, or NULL with the error set */
static rh_object *group_subset(hx_interp *I, rh_object *orig, rh_object *excs) {
    rh_runtime *rt = I->rt;
    rh_object *derive = attr(I, orig, "derive");
    rh_object *eg = derive ? hx_call_borrowed(I, derive, &excs, 1) : NULL;
    rh_xdecref(rt, derive);
    if (!eg) return NULL;
    if (!is_group(I, eg)) {
        rh_decref(rt, eg);
        rh_err_set(rt, RH_EXC_TYPE, "derive must return an instance of BaseExceptionGroup");
        return NULL;
    }
    static const char *const copied[] = {"__traceback__", "__context__", "__cause__"};
    for (size_t i = 0; i < 3; i++) {
        rh_object *v = attr(I, orig, copied[i]);
        if (!v || set_attr(I, eg, copied[i], v) != 0) {
            rh_xdecref(rt, v);
            rh_decref(rt, eg);
            return NULL;
        }
        rh_decref(rt, v);
    }
    rh_object *notes = attr(I, orig, "__notes__");
    if (!notes) {
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) rh_err_clear(rt);
        else rh_setref(rt, &eg, NULL);
        return eg;
    }
    if (rh_kind_of(notes) == RH_K_LIST || rh_kind_of(notes) == RH_K_TUPLE) { /* PySequence_List: a copy */
        rh_object *copy = rh_list_new(rt, 0);
        for (size_t i = 0, k = rh_kind_of(notes) == RH_K_LIST ? rh_list_len(notes) : rh_tuple_len(notes); copy && i < k; i++)
            if (rh_list_append(rt, copy, rh_kind_of(notes) == RH_K_LIST ? rh_list_get(notes, i) : rh_tuple_get(notes, i)))
                rh_setref(rt, &copy, NULL);
        if (!copy || set_attr(I, eg, "__notes__", copy) != 0) rh_setref(rt, &eg, NULL);
        rh_xdecref(rt, copy);
    }
    rh_decref(rt, notes);
    return eg;
}

/* exceptiongroup_split_recursive: exc whole when it matches; a leaf that does not is the rest; a group is
 * split item by item and each non-empty part derived from it. *match and *rest: new references or NULL. */
static int split_rec(hx_interp *I, rh_object *exc, int kind, rh_object *m, int want_rest, rh_object **match,
                     rh_object **rest) {
    rh_runtime *rt = I->rt;
    *match = *rest = NULL;
    int is = split_match(I, exc, kind, m);
    if (is < 0) return -1;
    if (is) {
        *match = newref(exc);
        return 0;
    }
    if (!is_group(I, exc)) {
        if (want_rest) *rest = newref(exc);
        return 0;
    }
    rh_object *excs = attr(I, exc, "exceptions");
    rh_object *ml = rh_list_new(rt, 0), *rl = want_rest ? rh_list_new(rt, 0) : NULL;
    int rc = excs && ml && (rl || !want_rest) ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < rh_tuple_len(excs); i++) {
        rh_object *pm, *pr;
        if (rh_recursion_enter(rt, " in exception group split")) {
            rc = -1;
            break;
        }
        rc = split_rec(I, rh_tuple_get(excs, i), kind, m, want_rest, &pm, &pr);
        rh_recursion_leave(rt);
        if (rc == 0 && pm && rh_list_append(rt, ml, pm)) rc = -1;
        if (rc == 0 && pr && rh_list_append(rt, rl, pr)) rc = -1;
        rh_xdecref(rt, pm);
        rh_xdecref(rt, pr);
    }
    if (rc == 0 && rh_list_len(ml) && !(*match = group_subset(I, exc, ml))) rc = -1;
    if (rc == 0 && rl && rh_list_len(rl) && !(*rest = group_subset(I, exc, rl))) rc = -1;
    if (rc) {
        rh_setref(rt, match, NULL);
        rh_setref(rt, rest, NULL);
    }
    rh_xdecref(rt, excs);
    rh_xdecref(rt, ml);
    rh_xdecref(rt, rl);
    return rc;
}

static rh_object *or_none(hx_interp *I, rh_object *v) { return v ? v : newref(rh_none(I->rt)); }

/* BaseExceptionGroup.split(matcher): (match, rest), each a group or None */
FN(group_split) {
    (void)kwn, (void)kwv;
    rh_object *match, *rest;
    int kind = one_arg(I, "split", n, nkw) ? -1 : matcher_kind(I, a[0]);
    if (kind < 0 || split_rec(I, self, kind, a[0], 1, &match, &rest) != 0) return NULL;
    match = or_none(I, match);
    rest = or_none(I, rest);
    rh_object *t = rh_tuple_pack(I->rt, 2, match, rest);
    rh_decref(I->rt, match);
    rh_decref(I->rt, rest);
    return t;
}

/* BaseExceptionGroup.subgroup(matcher): the matching part or None */
FN(group_subgroup) {
    (void)kwn, (void)kwv;
    rh_object *match, *rest;
    int kind = one_arg(I, "subgroup", n, nkw) ? -1 : matcher_kind(I, a[0]);
    if (kind < 0 || split_rec(I, self, kind, a[0], 0, &match, &rest) != 0) return NULL;
    return or_none(I, match);
}

DEF(m_init, "__init__", exc_init);
DEF(m_with_traceback, "with_traceback", exc_with_traceback);
DEF(m_add_note, "add_note", exc_add_note);
DEF(m_derive, "derive", group_derive);
DEF(m_split, "split", group_split);
DEF(m_subgroup, "subgroup", group_subgroup);

/* The method def `s` of BaseException (group: of BaseExceptionGroup too), or NULL */
static const rh_builtin_def *exc_def(hx_interp *I, const char *s, int group) {
    const rh_builtin_def *d = !strcmp(s, "with_traceback") ? &m_with_traceback : !strcmp(s, "__init__") ? &m_init
                            : !strcmp(s, "add_note") && RH_API(I, "BaseException", "add_note") ? &m_add_note
                            : NULL;
    if (!d && group)
        d = !strcmp(s, "derive") ? &m_derive : !strcmp(s, "split") ? &m_split : !strcmp(s, "subgroup") ? &m_subgroup : NULL;
    return d;
}

rh_object *hx_exc_method(hx_interp *I, rh_object *o, rh_object *name) {
    const rh_builtin_def *d = exc_def(I, hx_cstr(I, name), is_group(I, o));
    return d ? rh_builtin_new(I->rt, d, o) : NULL;
}

/* Exception.__init__(e, ...) read from the class (self: the tuple (name, the static class that has it)): the
 * method of e's, called with e. CPython's descriptors check e's type first: __init__ is a slot wrapper of each
 * built-in exception ("descriptor '__init__' requires a 'ValueError' object but received a 'int'"), the others
 * method descriptors of BaseException's ("descriptor 'x' for 'BaseException' objects doesn't apply to ...") */
FN(exc_unbound_call) {
    const char *s = hx_cstr(I, rh_tuple_get(self, 0));
    rh_type *owner = (rh_type *)rh_tuple_get(self, 1);
    int init = !strcmp(s, "__init__");
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, init ? "descriptor '__init__' of '%s' object needs an argument"
                                            : "unbound method %s.%s() needs an argument", owner->name, s);
        return NULL;
    }
    int ok = rh_exc_class_matches((rh_object *)rh_type_of(a[0]), (rh_object *)owner);
    const rh_builtin_def *d = ok ? exc_def(I, s, is_group(I, a[0])) : NULL;
    if (!d) {
        if (init)
            rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '__init__' requires a '%s' object but received a '%s'",
                       owner->name, hx_tname(a[0]));
        else
            rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", s,
                       owner->name, hx_tname(a[0]));
        return NULL;
    }
    return ((hx_cfn)d->fn)(I, a[0], a + 1, n - 1, kwn, kwv, nkw);
}
DEF(m_unbound, "method", exc_unbound_call);

rh_object *hx_exc_class_method(hx_interp *I, rh_object *cls, rh_object *name) {
    rh_runtime *rt = I->rt;
    rh_type *group_t = rh_exc_type(rt, RH_EXC_BASEEXCEPTIONGROUP);
    int group = rh_exc_class_matches(cls, (rh_object *)group_t);
    const char *s = hx_cstr(I, name);
    if (!exc_def(I, s, group)) return NULL;
    rh_type *owner = (rh_type *)cls; /* __init__: the nearest built-in class; the others: where they are defined */
    while (owner->flags & RH_TPFLAG_HEAPTYPE) owner = owner->base;
    if (strcmp(s, "__init__"))
        owner = exc_def(I, s, 0) ? rh_exc_type(rt, RH_EXC_BASE) : group_t;
    rh_object *t = rh_tuple_pack(rt, 2, name, (rh_object *)owner);
    rh_object *f = t ? rh_builtin_new(rt, &m_unbound, t) : NULL;
    rh_xdecref(rt, t);
    return f;
}

int hx_exc_group_init(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (!RH_API(I, "builtins", "BaseExceptionGroup")) return 0;
    /* _PyExc_InitTypes: PyErr_NewException("builtins.ExceptionGroup", (BaseExceptionGroup, Exception), NULL) */
    rh_object *name = rh_str_from_cstr(rt, "ExceptionGroup");
    rh_object *bases = name ? rh_tuple_pack(rt, 2, (rh_object *)rh_exc_type(rt, RH_EXC_BASEEXCEPTIONGROUP),
                                            (rh_object *)rh_exc_type(rt, RH_EXC_EXCEPTION)) : NULL;
    rh_object *ns = bases ? rh_dict_new(rt) : NULL;
    rh_object *mod = ns ? hx_name(I, "builtins") : NULL;
    rh_object *cls = mod && !rh_dict_set_cstr(rt, ns, "__module__", mod) ? rh_class_new(rt, name, bases, ns) : NULL;
    int rc = cls && !rh_dict_set_cstr(rt, I->builtins, "ExceptionGroup", cls) ? 0 : -1;
    if (rc == 0) rh_exc_set_group_class(rt, cls);
    rh_xdecref(rt, cls);
    rh_xdecref(rt, ns);
    rh_xdecref(rt, bases);
    rh_xdecref(rt, name);
    return rc;
}
