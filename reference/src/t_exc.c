/* t_exc.c — BaseException and the built-in exception hierarchy (CPython 3.11 Objects/exceptions.c:
 * BaseException_new/init/dealloc/traverse/clear/str/repr, the getsets args/__traceback__/__context__/
 * __cause__/__suppress_context__, StopIteration_init, SystemExit_init, KeyError_str, OSError_new's errnomap,
 * oserror_init, OSError_str and OSError's members; Python/errors.c:
 * _PyErr_SetObject's context chaining).
 *
 * Owns: the exception type objects (one static type per row of runtime.h's RH_EXC_TABLE; BaseException is
 * the registered type of RH_K_EXCEPTION, the others live in rt->statics->exc_types), exception instances,
 * and the profile's field layout (rt->exc_fields).
 * Invariants:
 *  - every exception instance has BaseException's fields at the offsets of rt->exc_fields (a field the
 *    profile's exceptions lack has offset 0) and its layout's extra words after them; its size is its
 *    type's basicsize (built-in: exc_base_size + 8 * exc_extra_words[layout]; a class adds
 *    exc_subclass_extra for its weakref slot);
 *  - args is never NULL once BaseException_new has run (it may be the static ()); the other object fields
 *    are NULL or a counted reference;
 *  - an instance is GC-tracked from its creation to its dealloc (BaseException_new tracks).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "containers.h"
#include "gc_internal.h"

static const struct {
    rh_exc base;
    const char *name;
    rh_exc_layout layout;
} exc_rows[RH_EXC__COUNT] = {
#define RH_X_EXC_ROW(k, nm, b, l) [RH_EXC_##k] = {RH_EXC_##b, nm, RH_EXC_LAYOUT_##l},
    RH_EXC_TABLE(RH_X_EXC_ROW)
#undef RH_X_EXC_ROW
};

const char *rh_exc_name(rh_exc kind) {
    if (kind == RH_EXC_NONE) return "";
    return (unsigned)kind < RH_EXC__COUNT ? exc_rows[kind].name : "?";
}

rh_type *rh_exc_type(rh_runtime *rt, rh_exc kind) {
    if (kind == RH_EXC_BASE || (unsigned)kind >= RH_EXC__COUNT || kind == RH_EXC_NONE)
        return rh__builtin(rt, RH_K_EXCEPTION);
    return &rt->statics->exc_types[kind].t;
}

/* ---------------------------------------------------------------- classes */

int rh_is_exc_class(const rh_object *o) {
    return o->type->kind == RH_K_TYPE && ((const rh_type *)(const void *)o)->kind == RH_K_EXCEPTION;
}
int rh_is_exc_instance(const rh_object *o) { return o->type->kind == RH_K_EXCEPTION; }

/* The built-in exception type t is, or derives from (NULL: t is not an exception class). */
static rh_type *builtin_exc_base(const rh_type *t) {
    while (t && (t->flags & RH_TPFLAG_HEAPTYPE)) t = t->base;
    return t && t->kind == RH_K_EXCEPTION ? (rh_type *)t : NULL;
}

rh_exc rh_exc_kind_of(const rh_object *o) {
    const rh_type *t = rh_is_exc_instance(o) ? o->type : rh_is_exc_class(o) ? (const rh_type *)(const void *)o : NULL;
    rh_type *b = t ? builtin_exc_base(t) : NULL;
    return b ? (rh_exc)b->ob.size : RH_EXC_NONE; /* a built-in exception type keeps its kind in ob_size */
}

/* PyType_IsSubtype over tp_base chains (exception classes have single inheritance of layout; a class
 * with several bases is matched along its MRO) */
static int is_subclass(rh_object *cls, rh_object *base) {
    if (cls == base) return 1;
    rh_type *t = (rh_type *)(void *)cls;
    if (t->mro) {
        for (size_t i = 0; i < rh_tuple_len(t->mro); i++)
            if (rh_tuple_get(t->mro, i) == base) return 1;
        return 0;
    }
    for (; t; t = t->base)
        if ((rh_object *)t == base) return 1;
    return 0;
}

int rh_exc_class_matches(rh_object *cls, rh_object *base) {
    if (rh_kind_of(base) == RH_K_TUPLE) {
        for (size_t i = 0; i < rh_tuple_len(base); i++)
            if (rh_exc_class_matches(cls, rh_tuple_get(base, i))) return 1;
        return 0;
    }
    return rh_kind_of(base) == RH_K_TYPE && rh_kind_of(cls) == RH_K_TYPE && is_subclass(cls, base);
}

/* ---------------------------------------------------------------- fields */

static inline rh_object **field(rh_object *e, uint16_t off) {
    return off ? (rh_object **)(void *)((char *)e + off) : NULL;
}
static inline rh_object *get(rh_object *e, uint16_t off) {
    rh_object **p = field(e, off);
    return p ? *p : NULL;
}
static void set(rh_runtime *rt, rh_object *e, uint16_t off, rh_object *v) {
    rh_object **p = field(e, off);
    if (!p) return;
    if (v == rh_none(rt)) v = NULL;
    rh_xincref(v);
    rh_setref(rt, p, v);
}

/* Fields of rt's profile: dict, args, then (3.x) [notes,] traceback, context, cause, suppress_context;
 * 2.7: dict, args, message. The extra words of a layout start at exc_base_size. */
static void fields_init(rh_runtime *rt) {
    const rh_profile *p = rt->profile;
    rh_exc_fields *f = &rt->exc_fields;
    uint16_t off = sizeof(rh_object), w = sizeof(rh_object *);
    memset(f, 0, sizeof *f);
    f->dict = off;
    f->args = (uint16_t)(off + w);
    off = (uint16_t)(off + 2 * w);
    if (!p->python2) {
        if (p->exc_base_size >= (uint32_t)off + 5u * w) { f->notes = off; off = (uint16_t)(off + w); } /* 3.11 add_note */
        f->traceback = off;
        f->context = (uint16_t)(off + w);
        f->cause = (uint16_t)(off + 2 * w);
        f->suppress_context = (uint16_t)(off + 3 * w);
    } else {
        f->message = off; /* 2.7's PyBaseExceptionObject: dict, args, message */
    }
    f->extra = (uint16_t)p->exc_base_size;
    for (int l = 0; l < RH_EXC_LAYOUT__COUNT; l++) /* OSError's last 3.x word, `written`, is a Py_ssize_t */
        f->extra_objects[l] = (uint8_t)(p->exc_extra_words[l] - (l == RH_EXC_LAYOUT_OS && !p->python2 ? 1 : 0));
}

static const rh_exc_fields *fields_of(const rh_object *e) { return e->type->tp_members; }

static rh_exc_layout layout_of(const rh_object *e) {
    rh_type *b = builtin_exc_base(e->type);
    return b ? exc_rows[b->ob.size].layout : RH_EXC_LAYOUT_PLAIN;
}

static size_t object_extras(const rh_object *e) { return fields_of(e)->extra_objects[layout_of(e)]; }
static rh_object **extra_at(const rh_exc_fields *f, rh_object *e, size_t i) {
    return (rh_object **)(void *)((char *)e + f->extra + i * sizeof(rh_object *));
}
#define extra(rt, e, i) extra_at(&(rt)->exc_fields, (e), (i))

rh_object *rh_exc_args(rh_object *e) { return *(rh_object **)(void *)((char *)e + sizeof(rh_object) + sizeof(rh_object *)); }
rh_object *rh_exc_traceback(rh_runtime *rt, rh_object *e) { return get(e, rt->exc_fields.traceback); }
rh_object *rh_exc_context(rh_runtime *rt, rh_object *e) { return get(e, rt->exc_fields.context); }
rh_object *rh_exc_cause(rh_runtime *rt, rh_object *e) { return get(e, rt->exc_fields.cause); }
int rh_exc_suppress_context(rh_runtime *rt, rh_object *e) {
    uint16_t off = rt->exc_fields.suppress_context;
    return off ? *((char *)e + off) != 0 : 0;
}
void rh_exc_set_traceback(rh_runtime *rt, rh_object *e, rh_object *tb) { set(rt, e, rt->exc_fields.traceback, tb); }
void rh_exc_set_context(rh_runtime *rt, rh_object *e, rh_object *ctx) { set(rt, e, rt->exc_fields.context, ctx); }
void rh_exc_set_cause(rh_runtime *rt, rh_object *e, rh_object *cause) {
    set(rt, e, rt->exc_fields.cause, cause);
    if (rt->exc_fields.suppress_context) *((char *)e + rt->exc_fields.suppress_context) = 1;
}

/* ImportError's fields after msg: 1 name, 2 path */
static void set_import_field(rh_runtime *rt, rh_object *e, size_t field, rh_object *v) {
    if (!rh_is_exc_instance(e) || layout_of(e) != RH_EXC_LAYOUT_IMPORT || rt->profile->exc_extra_words[RH_EXC_LAYOUT_IMPORT] < 3)
        return;
    if (v == rh_none(rt)) v = NULL;
    rh_xincref(v);
    rh_setref(rt, extra(rt, e, field), v);
}
void rh_exc_set_import_name(rh_runtime *rt, rh_object *e, rh_object *name) { set_import_field(rt, e, 1, name); }
void rh_exc_set_import_path(rh_runtime *rt, rh_object *e, rh_object *path) { set_import_field(rt, e, 2, path); }

/* _PyErr_SetObject: walk handled's context chain; if it reaches e, cut it there (o.__context__ = None) */
void rh_exc_chain(rh_runtime *rt, rh_object *e, rh_object *handled) {
    if (!handled || handled == e || !rt->exc_fields.context || !rh_is_exc_instance(handled)) return;
    rh_object *o = handled, *ctx;
    while ((ctx = rh_exc_context(rt, o)) != NULL) {
        if (ctx == e) {
            rh_exc_set_context(rt, o, NULL);
            break;
        }
        o = ctx;
    }
    rh_exc_set_context(rt, e, handled);
}

/* ---------------------------------------------------------------- life cycle */

static size_t instance_size(const rh_object *e) { return e->type->basicsize; }

/* oserror_init (3.11 Objects/exceptions.c; 2.7 EnvironmentError_init): with 2 to 5 arguments (errno,
 * strerror, filename, winerror, filename2) errno and strerror are kept; a filename that is not None is kept
 * too (filename2 with it) and args is cut to its first two items. BlockingIOError's characters_written
 * (a number as third argument) is not modelled: the number is kept as the filename. */
static int oserror_init(rh_runtime *rt, rh_object *e, rh_object *args) {
    size_t n = rh_tuple_len(args), slots = rt->exc_fields.extra_objects[RH_EXC_LAYOUT_OS];
    for (size_t i = 0; i < slots; i++) rh_setref(rt, extra(rt, e, i), NULL);
    if (n < 2 || n > 5 || slots < 3) return 0;
    rh_object *fn = n >= 3 && rh_tuple_get(args, 2) != rh_none(rt) ? rh_tuple_get(args, 2) : NULL;
    rh_object *fn2 = fn && n == 5 && slots >= 4 && rh_tuple_get(args, 4) != rh_none(rt) ? rh_tuple_get(args, 4) : NULL;
    rh_object *v[4] = {rh_tuple_get(args, 0), rh_tuple_get(args, 1), fn, fn2};
    for (size_t i = 0; i < 4 && i < slots; i++) {
        rh_xincref(v[i]);
        rh_setref(rt, extra(rt, e, i), v[i]);
    }
    if (!fn) return 0;
    rh_object *two = rh_tuple_new(rt, 2);
    if (!two) return -1; /* args stays whole: still a consistent exception */
    for (size_t i = 0; i < 2; i++) rh_incref(v[i]), rh_tuple_set(two, i, v[i]);
    rh_setref(rt, field(e, rt->exc_fields.args), two);
    return 0;
}

static int name_is(rh_runtime *rt, rh_object *name, const char *s);
static rh_object *as_tuple(rh_runtime *rt, rh_object *v);

/* SyntaxError's members in its struct's order (3.10+ PySyntaxErrorObject; 2.7's has no end_lineno and
 * end_offset): the extra word of name, or -1 */
static int syntax_field(rh_runtime *rt, rh_object *name) {
    static const char *const names[] = {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset",
                                         "print_file_and_line"};
    size_t slots = rt->exc_fields.extra_objects[RH_EXC_LAYOUT_SYNTAX];
    for (size_t i = 0, w = 0; i < 8 && w < slots; i++) {
        if (slots < 8 && (i == 5 || i == 6)) continue; /* 2.7 */
        if (name_is(rt, name, names[i])) return (int)w;
        w++;
    }
    return -1;
}

/* SyntaxError_init: msg from the first argument; with exactly two, the second is the detail sequence
 * (filename, lineno, offset, text[, end_lineno[, end_offset]]) (3.10+ parses it as "OOOO|OO"; 2.7 wants
 * exactly four and says IndexError otherwise). 0, or -1 with the error set (the instance consistent). */
static int syntax_init(rh_runtime *rt, rh_object *e, rh_object *args) {
    size_t n = rh_tuple_len(args), slots = rt->exc_fields.extra_objects[RH_EXC_LAYOUT_SYNTAX];
    if (n >= 1) {
        rh_incref(rh_tuple_get(args, 0));
        rh_setref(rt, extra(rt, e, 0), rh_tuple_get(args, 0));
    }
    if (n != 2) return 0;
    rh_object *info = as_tuple(rt, rh_tuple_get(args, 1));
    if (!info) return -1;
    size_t k = rh_tuple_len(info);
    int rc = 0;
    if (rt->profile->python2 && k != 4) {
        rh_err_set(rt, RH_EXC_INDEX, "tuple index out of range");
        rc = -1;
    } else if (k < 4 || k > 6) {
        rh_err_set(rt, RH_EXC_TYPE, "function takes at %s %d arguments (%zu given)", k < 4 ? "least" : "most",
                   k < 4 ? 4 : 6, k);
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < k && i + 1 < slots; i++) { /* words 1..6: filename .. end_offset */
        rh_incref(rh_tuple_get(info, i));
        rh_setref(rt, extra(rt, e, i + 1), rh_tuple_get(info, i));
    }
    rh_decref(rt, info);
    return rc;
}

/* OSError_new's errnomap (3.3+, Objects/exceptions.c _PyExc_InitState's ADD_ERRNO rows): the subclass
 * OSError(errno, strerror, ...) makes for errno, or RH_EXC_OS */
static rh_exc oserror_kind_for(int err) {
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return RH_EXC_BLOCKINGIO;
    case EPIPE: case ESHUTDOWN: return RH_EXC_BROKENPIPE;
    case ECHILD: return RH_EXC_CHILDPROCESS;
    case ECONNABORTED: return RH_EXC_CONNECTIONABORTED;
    case ECONNREFUSED: return RH_EXC_CONNECTIONREFUSED;
    case ECONNRESET: return RH_EXC_CONNECTIONRESET;
    case EEXIST: return RH_EXC_FILEEXISTS;
    case ENOENT: return RH_EXC_FILENOTFOUND;
    case EISDIR: return RH_EXC_ISADIRECTORY;
    case ENOTDIR: return RH_EXC_NOTADIRECTORY;
    case EINTR: return RH_EXC_INTERRUPTED;
    case EACCES: case EPERM: return RH_EXC_PERMISSION;
    case ESRCH: return RH_EXC_PROCESSLOOKUP;
    case ETIMEDOUT: return RH_EXC_TIMEOUT;
    default: return RH_EXC_OS;
    }
}

/* StopIteration_init / SystemExit_init: value / code from the arguments */
/* 0, or -1 with MemoryError (the instance consistent) */
/* 2.7's BaseException_new / BaseException_init: `message` is the one argument, else (new) the empty
 * string; an init with another number of arguments leaves it as it was */
static void message_init(rh_runtime *rt, rh_object *e, rh_object *args) {
    uint16_t off = rt->exc_fields.message;
    if (!off) return;
    rh_object *m = rh_tuple_len(args) == 1 ? rh_tuple_get(args, 0) : *field(e, off) ? NULL : rh_empty_str(rt);
    if (!m) return;
    rh_incref(m);
    rh_setref(rt, field(e, off), m);
}

void rh_exc_new_only(rh_runtime *rt, rh_object *e) {
    uint16_t off = rt->exc_fields.message;
    if (!off) return;
    rh_incref(rh_empty_str(rt));
    rh_setref(rt, field(e, off), rh_empty_str(rt));
}

static int init_extras(rh_runtime *rt, rh_object *e, rh_object *args) {
    message_init(rt, e, args);
    rh_exc_layout l = layout_of(e);
    if (!rt->profile->exc_extra_words[l]) return 0;
    size_t n = rh_tuple_len(args);
    rh_object *v = NULL;
    if (l == RH_EXC_LAYOUT_STOPITERATION) v = n ? rh_tuple_get(args, 0) : rh_none(rt);
    else if (l == RH_EXC_LAYOUT_SYSTEMEXIT) v = n == 0 ? NULL : n == 1 ? rh_tuple_get(args, 0) : args;
    else if (l == RH_EXC_LAYOUT_IMPORT) v = n == 1 ? rh_tuple_get(args, 0) : NULL; /* ImportError_init: msg */
    else if (l == RH_EXC_LAYOUT_OS) return oserror_init(rt, e, args);
    else if (l == RH_EXC_LAYOUT_SYNTAX) return syntax_init(rt, e, args);
    else return 0;
    rh_xincref(v);
    rh_setref(rt, extra(rt, e, 0), v);
    return 0;
}

void rh_exc_set_group_class(rh_runtime *rt, rh_object *cls) {
    rh_xincref(cls);
    rh_setref(rt, &rt->exc_group_class, cls);
}

static int is_exception(rh_runtime *rt, rh_object *o) {
    return rh_exc_class_matches((rh_object *)o->type, (rh_object *)rh_exc_type(rt, RH_EXC_EXCEPTION));
}

/* BaseExceptionGroup_new (3.11 Objects/exceptions.c): exactly (message: str, exceptions: a non-empty sequence
 * of exception instances). BaseExceptionGroup itself makes an ExceptionGroup when every item is an Exception;
 * ExceptionGroup, or a class deriving from it or from Exception, refuses an item that is not. *t is the class
 * to make; the items as a new tuple in *excs. 0, or -1 with the error set. */
static int group_new_check(rh_runtime *rt, rh_type **t, rh_object *const *args, size_t nargs, rh_object **excs) {
    *excs = NULL;
    if (nargs != 2) {
        rh_err_set(rt, RH_EXC_TYPE, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
        return -1;
    }
    if (rh_kind_of(args[0]) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", rh_type_name(args[0]));
        return -1;
    }
    rh_kind k = rh_kind_of(args[1]);
    if (k == RH_K_STR || k == RH_K_BYTES || k == RH_K_BYTEARRAY || k == RH_K_RANGE) { /* sequences of non-exceptions */
        int empty = rh_len(rt, args[1]) == 0;
        rh_err_set(rt, RH_EXC_VALUE, empty ? "second argument (exceptions) must be a non-empty sequence"
                                           : "Item 0 of second argument (exceptions) is not an exception");
        return -1;
    }
    if (k != RH_K_TUPLE && k != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "second argument (exceptions) must be a sequence");
        return -1;
    }
    rh_object *tup = as_tuple(rt, args[1]);
    if (!tup) return -1;
    size_t n = rh_tuple_len(tup), nested_base = 0;
    const char *err = n ? NULL : "second argument (exceptions) must be a non-empty sequence";
    for (size_t i = 0; !err && i < n; i++) {
        rh_object *x = rh_tuple_get(tup, i);
        if (!rh_is_exc_instance(x)) {
            rh_err_set(rt, RH_EXC_VALUE, "Item %zu of second argument (exceptions) is not an exception", i);
            rh_decref(rt, tup);
            return -1;
        }
        nested_base += !is_exception(rt, x);
    }
    if (err) {
        rh_err_set(rt, RH_EXC_VALUE, "%s", err);
        rh_decref(rt, tup);
        return -1;
    }
    rh_type *eg = rt->exc_group_class ? (rh_type *)(void *)rt->exc_group_class : NULL;
    if (*t == rh_exc_type(rt, RH_EXC_BASEEXCEPTIONGROUP)) {
        if (!nested_base && eg) *t = eg;
    } else if (nested_base && rh_exc_class_matches((rh_object *)*t, (rh_object *)rh_exc_type(rt, RH_EXC_EXCEPTION))) {
        if (*t == eg) rh_err_set(rt, RH_EXC_TYPE, "Cannot nest BaseExceptions in an ExceptionGroup");
        else rh_err_set(rt, RH_EXC_TYPE, "Cannot nest BaseExceptions in '%s'", (*t)->name);
        rh_decref(rt, tup);
        return -1;
    }
    *excs = tup;
    return 0;
}

rh_object *rh_exc_new(rh_runtime *rt, rh_object *cls, rh_object *const *args, size_t nargs) {
    if (!rh_is_exc_class(cls)) {
        rh_err_set(rt, RH_EXC_TYPE, "exceptions must derive from BaseException");
        return NULL;
    }
    rh_type *t = (rh_type *)(void *)cls;
    rh_object *excs = NULL; /* a group's exceptions */
    rh_type *b = builtin_exc_base(t);
    if (exc_rows[b->ob.size].layout == RH_EXC_LAYOUT_GROUP && rt->profile->exc_extra_words[RH_EXC_LAYOUT_GROUP] &&
        group_new_check(rt, &t, args, nargs, &excs) != 0)
        return NULL;
    int64_t err; /* OSError_new: OSError itself called with an errno it maps becomes that subclass (3.x) */
    if (t == rh_exc_type(rt, RH_EXC_OS) && !rt->profile->python2 && nargs >= 2 && nargs <= 5 &&
        rh_int_small_value(args[0], &err) && err >= INT_MIN && err <= INT_MAX)
        t = rh_exc_type(rt, oserror_kind_for((int)err));
    rh_object *tuple = nargs ? rh_tuple_new(rt, nargs) : rh_empty_tuple(rt);
    if (!tuple) {
        rh_xdecref(rt, excs);
        return NULL;
    }
    if (nargs) {
        for (size_t i = 0; i < nargs; i++) {
            rh_incref(args[i]);
            rh_tuple_set(tuple, i, args[i]);
        }
    } else {
        rh_incref(tuple);
    }
    /* BaseException_new: the instance first (type->tp_alloc), then args */
    rh_object *e = rh__object_alloc(rt, t, t->basicsize);
    if (!e) {
        rh_decref(rt, tuple);
        rh_xdecref(rt, excs);
        return NULL;
    }
    memset((char *)e + sizeof(rh_object), 0, t->basicsize - sizeof(rh_object));
    *field(e, rt->exc_fields.args) = tuple;
    if (excs) { /* BaseExceptionGroup_new: msg and excs */
        rh_incref(args[0]);
        *extra(rt, e, 0) = args[0];
        *extra(rt, e, 1) = excs;
    }
    int rc = init_extras(rt, e, tuple);
    rh__gc_track(rt, e);
    if (rc) rh_setref(rt, &e, NULL);
    return e;
}

int rh_exc_init(rh_runtime *rt, rh_object *e, rh_object *const *args, size_t nargs) {
    rh_object *tuple = rh_tuple_new(rt, nargs);
    if (!tuple) return -1;
    for (size_t i = 0; i < nargs; i++) {
        rh_incref(args[i]);
        rh_tuple_set(tuple, i, args[i]);
    }
    rh_setref(rt, field(e, rt->exc_fields.args), tuple);
    return init_extras(rt, e, tuple);
}

static int exc_traverse(rh_object *e, rh_visitproc visit, void *arg) {
    const rh_exc_fields *f = fields_of(e);
    int r;
    if ((e->type->flags & RH_TPFLAG_HEAPTYPE) && (r = visit((rh_object *)e->type, arg))) return r;
    uint16_t offs[] = {f->dict, f->args, f->message, f->notes, f->traceback, f->context, f->cause};
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
        rh_object *v = get(e, offs[i]);
        if (v && (r = visit(v, arg))) return r;
    }
    for (size_t i = 0; i < object_extras(e); i++)
        if (*extra_at(f, e, i) && (r = visit(*extra_at(f, e, i), arg))) return r;
    return 0;
}

static int exc_clear(rh_runtime *rt, rh_object *e) {
    const rh_exc_fields *f = &rt->exc_fields;
    uint16_t offs[] = {f->dict, f->args, f->message, f->notes, f->traceback, f->context, f->cause};
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++)
        if (offs[i]) rh_setref(rt, field(e, offs[i]), NULL);
    for (size_t i = 0; i < object_extras(e); i++) rh_setref(rt, extra(rt, e, i), NULL);
    return 0;
}

/* BaseException_dealloc (subtype_dealloc first for classes: their weakrefs) */
static void exc_dealloc(rh_runtime *rt, rh_object *e) {
    rh_type *t = e->type;
    rh__gc_untrack(rt, e);
    if (rh__trash_begin(rt, e)) return;
    rh__weakref_clear_all(rt, e);
    exc_clear(rt, e);
    rh__object_free(rt, e, instance_size(e));
    if (t->flags & RH_TPFLAG_HEAPTYPE) rh_decref(rt, (rh_object *)t);
    rh__trash_end(rt);
}

/* ---------------------------------------------------------------- str and repr */

static const char *type_name(const rh_object *e) { return e->type->name; }

/* OSError_str: "[Errno e] strerror: 'filename' -> 'filename2'", "[Errno e] strerror: 'filename'" or
 * "[Errno e] strerror" (each when those fields are set); NULL with no error when none applies */
static rh_object *oserror_str(rh_runtime *rt, rh_object *e) {
    size_t slots = rt->exc_fields.extra_objects[RH_EXC_LAYOUT_OS];
    rh_object *v[4] = {NULL, NULL, NULL, NULL}, *s[4] = {NULL, NULL, NULL, NULL}, *r = NULL;
    for (size_t i = 0; i < 4 && i < slots; i++) v[i] = *extra(rt, e, i);
    if (!v[0] || !v[1]) return NULL;
    int ok = (s[0] = rh_str(rt, v[0])) && (s[1] = rh_str(rt, v[1])) && (!v[2] || (s[2] = rh_repr(rt, v[2]))) &&
             (!v[2] || !v[3] || (s[3] = rh_repr(rt, v[3])));
    if (ok) {
        const char *u[4];
        for (int i = 0; i < 4; i++) u[i] = s[i] ? rh_str_utf8(rt, s[i], NULL) : "";
        size_t len = strlen(u[0]) + strlen(u[1]) + strlen(u[2]) + strlen(u[3]) + 32;
        char *buf = malloc(len);
        if (buf) {
            if (s[3]) snprintf(buf, len, "[Errno %s] %s: %s -> %s", u[0], u[1], u[2], u[3]);
            else if (s[2]) snprintf(buf, len, "[Errno %s] %s: %s", u[0], u[1], u[2]);
            else snprintf(buf, len, "[Errno %s] %s", u[0], u[1]);
            r = rh_str_from_cstr(rt, buf);
            free(buf);
        } else {
            rh_err_nomemory(rt);
        }
    }
    for (int i = 0; i < 4; i++) rh_xdecref(rt, s[i]);
    return r;
}

/* SyntaxError_str: "msg (file, line N)", "msg (file)" or "msg (line N)" with the filename's last path
 * component (my_basename) when filename is a str and lineno an exact int; else str(msg) (None when unset) */
static rh_object *syntax_str(rh_runtime *rt, rh_object *e) {
    rh_object *msg = *extra(rt, e, 0), *file = *extra(rt, e, 1), *line = *extra(rt, e, 2);
    rh_object *ms = rh_str(rt, msg ? msg : rh_none(rt));
    if (!ms) return NULL;
    const char *fn = file && rh_kind_of(file) == RH_K_STR ? rh_str_utf8(rt, file, NULL) : NULL;
    int64_t ln = 0;
    int have_line = line && rh_kind_of(line) == RH_K_INT && rh_int_small_value(line, &ln);
    if (!fn && !have_line) return ms;
    if (fn && strrchr(fn, '/')) fn = strrchr(fn, '/') + 1;
    const char *m = rh_str_utf8(rt, ms, NULL);
    size_t len = strlen(m ? m : "") + (fn ? strlen(fn) : 0) + 48;
    char *buf = malloc(len);
    rh_object *r = NULL;
    if (buf) {
        if (fn && have_line) snprintf(buf, len, "%s (%s, line %lld)", m, fn, (long long)ln);
        else if (fn) snprintf(buf, len, "%s (%s)", m, fn);
        else snprintf(buf, len, "%s (line %lld)", m, (long long)ln);
        r = rh_str_from_cstr(rt, buf);
        free(buf);
    } else {
        rh_err_nomemory(rt);
    }
    rh_decref(rt, ms);
    return r;
}

/* BaseExceptionGroup_str: "message (N sub-exception[s])" */
static rh_object *group_str(rh_runtime *rt, rh_object *e) {
    rh_object *msg = *extra(rt, e, 0), *excs = *extra(rt, e, 1);
    const char *m = msg ? rh_str_utf8(rt, msg, NULL) : "";
    size_t n = excs ? rh_tuple_len(excs) : 0, len = strlen(m ? m : "") + 48;
    char *buf = malloc(len);
    if (!buf) {
        rh_err_nomemory(rt);
        return NULL;
    }
    snprintf(buf, len, "%s (%zu sub-exception%s)", m ? m : "", n, n > 1 ? "s" : "");
    rh_object *r = rh_str_from_cstr(rt, buf);
    free(buf);
    return r;
}

rh_object *rh_exc_str(rh_runtime *rt, rh_object *e) {
    if (layout_of(e) == RH_EXC_LAYOUT_SYNTAX) return syntax_str(rt, e);
    if (layout_of(e) == RH_EXC_LAYOUT_GROUP && rt->exc_fields.extra_objects[RH_EXC_LAYOUT_GROUP]) return group_str(rt, e);
    if (layout_of(e) == RH_EXC_LAYOUT_OS) {
        rh_object *r = oserror_str(rt, e);
        if (r || rh_err_occurred(rt)) return r;
    }
    rh_object *args = rh_exc_args(e);
    size_t n = args ? rh_tuple_len(args) : 0;
    if (n == 0) { rh_incref(rh_empty_str(rt)); return rh_empty_str(rt); }
    if (n > 1) return rh_str(rt, args);
    /* KeyError_str: the repr of a lone key, so KeyError('') does not print as an empty message */
    if (rh_exc_kind_of(e) == RH_EXC_KEY) return rh_repr(rt, rh_tuple_get(args, 0));
    return rh_str(rt, rh_tuple_get(args, 0));
}

static rh_object *exc_tp_str(rh_runtime *rt, rh_object *e) { return rh_exc_str(rt, e); }

static rh_object *exc_repr(rh_runtime *rt, rh_object *e) {
    rh_object *args = rh_exc_args(e);
    size_t n = args ? rh_tuple_len(args) : 0;
    rh_object *inner = n == 1 ? rh_repr(rt, rh_tuple_get(args, 0)) : n == 0 ? NULL : rh_repr(rt, args);
    if (n && !inner) return NULL;
    const char *s = inner ? rh_str_utf8(rt, inner, NULL) : "";
    /* 2.7's BaseException_repr prints a 1-tuple's comma: ValueError('a',) */
    const char *fmt = n == 1 && !rt->profile->python2 ? "%s(%s)" : n == 0 ? "%s()" : "%s%s";
    size_t len = strlen(type_name(e)) + strlen(s) + 4;
    char *buf = malloc(len);
    rh_object *r = NULL;
    if (buf) {
        if (n == 1 && rt->profile->python2) snprintf(buf, len, "%s(%s,)", type_name(e), s);
        else snprintf(buf, len, fmt, type_name(e), s);
        r = rh_str_from_cstr(rt, buf);
        free(buf);
    } else {
        rh_err_nomemory(rt);
    }
    rh_xdecref(rt, inner);
    return r;
}

/* ---------------------------------------------------------------- attributes */

static int name_is(rh_runtime *rt, rh_object *name, const char *s) {
    size_t n;
    const char *u = rh_str_utf8(rt, name, &n);
    return u && n == strlen(s) && memcmp(u, s, n) == 0;
}

static rh_object *or_none(rh_runtime *rt, rh_object *v) {
    if (!v) v = rh_none(rt);
    rh_incref(v);
    return v;
}

/* The getsets of BaseException (and the members of StopIteration/SystemExit): 1 with *out set (new
 * reference), 0 when name is none of them. */
/* OSError's members errno, strerror, filename (3.x: filename2): the extra word's index, or -1 */
static int os_field(rh_runtime *rt, rh_object *name) {
    static const char *const names[] = {"errno", "strerror", "filename", "filename2"};
    for (size_t i = 0; i < 4 && i < rt->exc_fields.extra_objects[RH_EXC_LAYOUT_OS]; i++)
        if (name_is(rt, name, names[i])) return (int)i;
    return -1;
}

/* NameError.name (index 0), AttributeError.name and .obj (0, 1): T_OBJECT members from 3.10
 * (Objects/exceptions.c NameError_members, AttributeError_members); -1 for other names and layouts */
static int context_field(rh_runtime *rt, rh_object *e, rh_object *name) {
    rh_exc_layout l = layout_of(e);
    size_t n = l == RH_EXC_LAYOUT_NAME || l == RH_EXC_LAYOUT_ATTRIBUTE ? rt->exc_fields.extra_objects[l] : 0;
    if (n >= 1 && name_is(rt, name, "name")) return 0;
    if (n >= 2 && name_is(rt, name, "obj")) return 1;
    return -1;
}

static int field_get(rh_runtime *rt, rh_object *e, rh_object *name, rh_object **out) {
    const rh_exc_fields *f = &rt->exc_fields;
    rh_exc_layout l = layout_of(e);
    int i;
    if (name_is(rt, name, "args")) *out = or_none(rt, rh_exc_args(e));
    else if (f->message && name_is(rt, name, "message")) { /* 2.7's message_get: the __dict__'s entry first */
        rh_object *d = get(e, f->dict), *m = d ? rh_dict_get(rt, d, name) : NULL;
        *out = or_none(rt, m ? m : get(e, f->message));
    }
    else if (f->traceback && name_is(rt, name, "__traceback__")) *out = or_none(rt, get(e, f->traceback));
    else if (f->context && name_is(rt, name, "__context__")) *out = or_none(rt, get(e, f->context));
    else if (f->cause && name_is(rt, name, "__cause__")) *out = or_none(rt, get(e, f->cause));
    else if (f->suppress_context && name_is(rt, name, "__suppress_context__"))
        *out = rh_bool(rt, rh_exc_suppress_context(rt, e));
    else if (l == RH_EXC_LAYOUT_STOPITERATION && rt->profile->exc_extra_words[l] && name_is(rt, name, "value"))
        *out = or_none(rt, *extra(rt, e, 0));
    else if (l == RH_EXC_LAYOUT_SYSTEMEXIT && name_is(rt, name, "code")) *out = or_none(rt, *extra(rt, e, 0));
    else if (l == RH_EXC_LAYOUT_IMPORT && rt->profile->exc_extra_words[l] >= 3 &&
             (name_is(rt, name, "msg") || name_is(rt, name, "name") || name_is(rt, name, "path")))
        *out = or_none(rt, *extra(rt, e, name_is(rt, name, "msg") ? 0 : name_is(rt, name, "name") ? 1 : 2));
    else if (l == RH_EXC_LAYOUT_OS && (i = os_field(rt, name)) >= 0) *out = or_none(rt, *extra(rt, e, (size_t)i));
    else if ((i = context_field(rt, e, name)) >= 0) *out = or_none(rt, *extra(rt, e, (size_t)i));
    else if (l == RH_EXC_LAYOUT_SYNTAX && (i = syntax_field(rt, name)) >= 0) *out = or_none(rt, *extra(rt, e, (size_t)i));
    else if (l == RH_EXC_LAYOUT_GROUP && f->extra_objects[l] && (name_is(rt, name, "message") || name_is(rt, name, "exceptions")))
        *out = or_none(rt, *extra(rt, e, name_is(rt, name, "message") ? 0 : 1));
    else if (name_is(rt, name, "__class__")) *out = or_none(rt, (rh_object *)e->type);
    else return 0;
    return 1;
}

static rh_object *exc_getattro(rh_runtime *rt, rh_object *e, rh_object *name) {
    rh_object *v;
    if (field_get(rt, e, name, &v)) return v;
    if (e->type->flags & RH_TPFLAG_HEAPTYPE) return rh__object_getattro(rt, e, name);
    rh_object *d = get(e, rt->exc_fields.dict);
    if (name_is(rt, name, "__dict__")) {
        if (!d) {
            if (!(d = rh_dict_new(rt))) return NULL;
            *field(e, rt->exc_fields.dict) = d;
        }
        rh_incref(d);
        return d;
    }
    if (d && (v = rh_dict_get(rt, d, name)) != NULL) {
        rh_incref(v);
        return v;
    }
    if (rh_err_occurred(rt)) return NULL;
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", type_name(e), rh_str_utf8(rt, name, NULL));
    return NULL;
}

/* PySequence_Tuple for what args may be set to here: a tuple (new reference) or a list's items */
static rh_object *as_tuple(rh_runtime *rt, rh_object *v) {
    if (rh_kind_of(v) == RH_K_TUPLE) {
        rh_incref(v);
        return v;
    }
    if (rh_kind_of(v) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "exception args from a %s", rh_type_name(v));
        return NULL;
    }
    size_t n = rh_list_len(v);
    rh_object *t = rh_tuple_new(rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rh_incref(rh_list_get(v, i));
        rh_tuple_set(t, i, rh_list_get(v, i));
    }
    return t;
}

static int exc_setattro(rh_runtime *rt, rh_object *e, rh_object *name, rh_object *v) {
    const rh_exc_fields *f = &rt->exc_fields;
    if (name_is(rt, name, "args")) {
        if (!v) { rh_err_set(rt, RH_EXC_TYPE, "args may not be deleted"); return -1; }
        rh_object *t = as_tuple(rt, v);
        if (!t) return -1;
        rh_setref(rt, field(e, f->args), t);
        return 0;
    }
    if (f->traceback && name_is(rt, name, "__traceback__")) {
        if (v && v != rh_none(rt) && rh_kind_of(v) != RH_K_TRACEBACK) {
            rh_err_set(rt, RH_EXC_TYPE, "__traceback__ must be a traceback or None");
            return -1;
        }
        set(rt, e, f->traceback, v);
        return 0;
    }
    if (f->context && name_is(rt, name, "__context__")) { set(rt, e, f->context, v); return 0; }
    if (f->cause && name_is(rt, name, "__cause__")) { rh_exc_set_cause(rt, e, v); return 0; }
    int i = layout_of(e) == RH_EXC_LAYOUT_SYNTAX ? syntax_field(rt, name) : context_field(rt, e, name);
    if (i >= 0) { /* a T_OBJECT member: del makes it None again */
        rh_xincref(v);
        rh_setref(rt, extra(rt, e, (size_t)i), v);
        return 0;
    }
    if (e->type->flags & RH_TPFLAG_HEAPTYPE) return rh__object_setattro(rt, e, name, v);
    rh_object **dp = field(e, f->dict);
    if (!*dp && !(*dp = rh_dict_new(rt))) return -1;
    int rc = rh__dict_setdel(rt, *dp, name, v);
    if (rc < 0 && rh_err_occurred(rt) == RH_EXC_KEY)
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", type_name(e), rh_str_utf8(rt, name, NULL));
    return rc;
}

/* type_call for exception classes: BaseException_new then BaseException_init */
static rh_object *exc_type_new(rh_runtime *rt, rh_type *t, rh_object *const *args, size_t nargs) {
    return rh_exc_new(rt, (rh_object *)t, args, nargs);
}

/* ---------------------------------------------------------------- types */

/* 2.7's hierarchy (Objects/exceptions.c of 2.7): every error that is an Exception directly in 3.x derives
 * from StandardError there, except StopIteration and Warning; OSError from EnvironmentError */
static rh_exc py27_base(rh_exc kind, rh_exc base) {
    if (kind == RH_EXC_OS) return RH_EXC_ENVIRONMENT;
    if (base == RH_EXC_EXCEPTION && kind != RH_EXC_STOPITERATION && kind != RH_EXC_WARNING && kind != RH_EXC_STANDARD)
        return RH_EXC_STANDARD;
    return base;
}

static void setup(rh_runtime *rt, rh_type *t, rh_exc kind) {
    t->name = exc_rows[kind].name;
    t->ob.size = kind; /* the kind, read back by rh_exc_kind_of */
    t->kind = RH_K_EXCEPTION;
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE;
    t->basicsize = rt->profile->exc_base_size + sizeof(rh_object *) * rt->profile->exc_extra_words[exc_rows[kind].layout];
    t->weaklistoffset = 0; /* BaseException has no weakref slot: classes add one */
    t->dealloc = exc_dealloc;
    t->traverse = exc_traverse;
    t->clear = exc_clear;
    rh_exc base = rt->profile->python2 ? py27_base(kind, exc_rows[kind].base) : exc_rows[kind].base;
    t->base = base == RH_EXC_NONE ? rh__builtin(rt, RH_K_OBJECT) : rh_exc_type(rt, base);
}

void rh__type_init_exception(rh_runtime *rt, rh_type *t) {
    fields_init(rt);
    setup(rt, t, RH_EXC_BASE);
    t->tp_repr = exc_repr;
    t->tp_str = exc_tp_str;
    t->tp_getattro = exc_getattro;
    t->tp_setattro = exc_setattro;
    t->tp_new = exc_type_new;
    t->tp_members = &rt->exc_fields;
    rh_type *type_type = rh__builtin(rt, RH_K_TYPE);
    for (int k = RH_EXC_BASE + 1; k < RH_EXC__COUNT; k++) {
        rh_type *e = rh_exc_type(rt, (rh_exc)k);
        if (e->ob.ob.type) continue; /* set up already (a runtime sets its types up once) */
        rh__static_init(rt, &e->ob.ob, type_type);
        setup(rt, e, (rh_exc)k);
    }
    for (int k = RH_EXC_BASE + 1; k < RH_EXC__COUNT; k++) rh__type_inherit(rh_exc_type(rt, (rh_exc)k));
}

/* set_attribute_error_context (Objects/object.c, 3.10+) and format_exc_check_arg's NameError branch
 * (Python/ceval.c): the pending AttributeError (any subclass) is normalised and, unless already
 * augmented, given the attribute's name and the object (obj NULL: a NameError, exactly that type, given
 * the name). Fails silently: the pending error stays what it was. */
void rh_err_name_context(rh_runtime *rt, rh_object *obj, rh_object *name) {
    rh_exc k = rh_err_occurred(rt);
    if (obj ? k != RH_EXC_ATTRIBUTE : k != RH_EXC_NAME) return;
    rh_exc_layout want = obj ? RH_EXC_LAYOUT_ATTRIBUTE : RH_EXC_LAYOUT_NAME;
    if (rt->exc_fields.extra_objects[want] < (obj ? 2u : 1u) || rh_err_normalize(rt) != 0) return;
    rh_object *e = rh_err_value(rt);
    if (!e || !rh_is_exc_instance(e) || layout_of(e) != want) return;
    if (!obj && e->type != rh_exc_type(rt, RH_EXC_NAME)) return;
    if (*extra(rt, e, 0) || (obj && *extra(rt, e, 1))) return;
    rh_incref(name);
    *extra(rt, e, 0) = name;
    if (obj) {
        rh_incref(obj);
        *extra(rt, e, 1) = obj;
    }
}

rh_object *rh_exc_name_field(rh_runtime *rt, rh_object *e, int obj) {
    rh_exc_layout l = rh_is_exc_instance(e) ? layout_of(e) : RH_EXC_LAYOUT_PLAIN;
    if ((l != RH_EXC_LAYOUT_NAME && l != RH_EXC_LAYOUT_ATTRIBUTE) || rt->exc_fields.extra_objects[l] <= (size_t)obj) return NULL;
    return *extra(rt, e, (size_t)obj);
}
