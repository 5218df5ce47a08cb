/* t_structseq.c — struct sequences (CPython 3.11 Objects/structseq.c): the runtime's own named tuples,
 * sys.version_info.
 *
 * Owns the struct-sequence types (rt->statics->structseq_types, one per row of RH_STRUCTSEQS below: a
 * static type deriving from tuple, set up by rh__structseq_init after the built-in types), their objects
 * and slots. An object is a tuple in memory (PyStructSequence_New: PyObject_GC_NewVar of the type, never
 * tracked; 2.7's type is no GC type at all, so it has no GC head) whose kind is RH_K_TUPLE: everything a
 * tuple does (indexing, slicing to a plain tuple, comparing with tuples, hashing, iterating, unpacking,
 * index/count) it does with tuple's slots. Its own: the type (type(v) is sys.version_info), the repr
 * "sys.version_info(major=3, ...)" (structseq_repr), the fields as attributes (the type's member
 * descriptors: tp_getattro here) and the dealloc (structseq_dealloc: no tuple freelist). No hidden fields.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "scalars.h"

/* One struct-sequence type: its tp_name, its fields (nfields: n_fields, all allocated), how many of them
 * are in the sequence (nvisible: n_in_sequence, its ob_size) and each one's name (NULL: an unnamed field,
 * PyStructSequence_UnnamedField, reachable by index only). The one list. */
typedef struct structseq_desc {
    const char *name;
    size_t nfields, nvisible;
    const char *const *fields;
} structseq_desc;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
/* posixmodule.c stat_result_fields (Linux: st_blksize, st_blocks, st_rdev); the integer times 7..9 are
 * unnamed, the float times and the _ns ones hidden (3.3+) */
static const char *const stat_result_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", NULL, NULL, NULL,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
    "st_rdev"};
static const char *const terminal_size_fields[] = {"columns", "lines"}; /* posixmodule.c TerminalSize_fields */
/* Modules/_threadmodule.c ExceptHookArgs_fields */
static const char *const excepthook_args_fields[] = {"exc_type", "exc_value", "exc_traceback", "thread"};
/* Modules/timemodule.c struct_time_type_fields: tm_zone and tm_gmtoff are not in the sequence */
static const char *const struct_time_fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                                                 "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};

/* Objects/floatobject.c floatinfo_fields */
static const char *const float_info_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                                "dig", "mant_dig", "epsilon", "radix", "rounds"};
/* Objects/longobject.c int_info_fields (3.x; the last two since 3.11 and 3.10.7); 2.7's sys.long_info has the
 * first two */
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                              "str_digits_check_threshold"};

/* Python/sysmodule.c flags_fields of each version: 2.7's, 3.10's (warn_default_encoding new), 3.11's and
 * 3.12's (safe_path new), 3.13's (gil, hidden) */
static const char *const flags_27_fields[] = {
    "debug", "py3k_warning", "division_warning", "division_new", "inspect", "interactive", "optimize",
    "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "tabcheck", "verbose", "unicode",
    "bytes_warning", "hash_randomization"};
static const char *const flags_3_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits", "gil"};
static const char *const flags_310_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "int_max_str_digits"};

static const structseq_desc structseqs[RH_SS__COUNT] = {
    [RH_SS_VERSION_INFO] = {"sys.version_info", 5, 5, version_info_fields},
    [RH_SS_STAT_RESULT] = {"os.stat_result", 19, 10, stat_result_fields},
    [RH_SS_TERMINAL_SIZE] = {"os.terminal_size", 2, 2, terminal_size_fields},
    [RH_SS_EXCEPTHOOK_ARGS] = {"_thread._ExceptHookArgs", 4, 4, excepthook_args_fields},
    [RH_SS_STRUCT_TIME] = {"time.struct_time", 11, 9, struct_time_fields},
    [RH_SS_FLOAT_INFO] = {"sys.float_info", 11, 11, float_info_fields},
    [RH_SS_INT_INFO] = {"sys.int_info", 4, 4, int_info_fields},
    [RH_SS_LONG_INFO] = {"sys.long_info", 2, 2, int_info_fields},
    [RH_SS_FLAGS_27] = {"sys.flags", 16, 16, flags_27_fields},
    [RH_SS_FLAGS_310] = {"sys.flags", 17, 17, flags_310_fields},
    [RH_SS_FLAGS_311] = {"sys.flags", 18, 18, flags_3_fields},
    [RH_SS_FLAGS_313] = {"sys.flags", 19, 18, flags_3_fields},
};

static const structseq_desc *desc_of(const rh_object *o) { return (const structseq_desc *)o->type->tp_members; }
static rh_object **items(rh_object *o) { return ((rh_tuple *)(void *)o)->item; }

rh_type *rh_structseq_type(rh_runtime *rt, rh_structseq_kind k) { return &rt->statics->structseq_types[k].t; }

/* PyStructSequence_New + the items (borrowed, desc->nfields of them): a new reference, untracked. Every
 * field is allocated; ob_size is the visible count (3.11's hack), so tuple's slots and sys.getsizeof (3.11:
 * basicsize leaves the hidden fields out) see only those. */
rh_object *rh_structseq_new(rh_runtime *rt, rh_structseq_kind k, rh_object *const *values) {
    rh_type *t = rh_structseq_type(rt, k);
    size_t n = structseqs[k].nfields;
    rh_object *o = rh__object_alloc(rt, t, RH_TUPLE_HEADER + n * sizeof(rh_object *));
    if (!o) return NULL;
    ((rh_varobject *)o)->size = (intptr_t)structseqs[k].nvisible;
    for (size_t i = 0; i < n; i++) {
        rh_incref(values[i]);
        items(o)[i] = values[i];
    }
    return o;
}

rh_object *rh_structseq_hidden_item(rh_object *o, size_t i) {
    const structseq_desc *d = desc_of(o);
    return d && i < d->nfields ? items(o)[i] : NULL;
}

int rh_structseq_kind_of(const rh_object *t) {
    for (int k = 0; k < RH_SS__COUNT; k++)
        if (((const rh_type *)(const void *)t)->tp_members == (const void *)&structseqs[k]) return k;
    return -1;
}

/* structseq_new_impl: the sequence's items (PySequence_Fast: any iterable), between n_in_sequence and
 * n_fields of them; the fields past them from dict by name, else None */
rh_object *rh_structseq_from_sequence(rh_runtime *rt, rh_structseq_kind k, rh_object *seq, rh_object *dict) {
    const structseq_desc *d = &structseqs[k];
    rh_object *t = rh_tuple_from_iterable(rt, seq);
    if (!t) {
        if (rh_err_occurred(rt) == RH_EXC_TYPE) rh_err_set(rt, RH_EXC_TYPE, "constructor requires a sequence");
        return NULL;
    }
    size_t len = (size_t)((rh_varobject *)t)->size, min = d->nvisible, max = d->nfields;
    if (len < min || len > max) {
        size_t want = len < min ? min : max;
        if (min == max) rh_err_set(rt, RH_EXC_TYPE, "%s() takes a %zu-sequence (%zu-sequence given)", d->name, want, len);
        else rh_err_set(rt, RH_EXC_TYPE, "%s() takes an %s %zu-sequence (%zu-sequence given)", d->name,
                        len < min ? "at least" : "at most", want, len);
        rh_decref(rt, t);
        return NULL;
    }
    if (dict && rh_kind_of(dict) != RH_K_NONE && rh_kind_of(dict) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes a dict as second arg, if any", d->name);
        rh_decref(rt, t);
        return NULL;
    }
    rh_object *v[32];
    for (size_t i = 0; i < max && i < 32; i++) {
        rh_object *x = NULL;
        if (i < len) x = items(t)[i];
        else if (dict && rh_kind_of(dict) == RH_K_DICT && d->fields[i]) x = rh_dict_get_cstr(rt, dict, d->fields[i]);
        v[i] = x ? x : rh_none(rt);
    }
    rh_object *o = rh_structseq_new(rt, k, v);
    rh_decref(rt, t);
    /* structseq_new_impl ends with _PyObject_GC_TRACK: one made from Python can hold anything (an
     * ExceptHookArgs holds an exception, its traceback, frames, globals: a cycle the collector must see) */
    if (o && (o->type->flags & RH_TPFLAG_GC)) rh__gc_track(rt, o);
    return o;
}

/* structseq_dealloc: untrack, drop the items, free (a struct sequence never goes to tuple's freelist) */
static void structseq_dealloc(rh_runtime *rt, rh_object *o) {
    size_t n = desc_of(o)->nfields;
    if (o->type->flags & RH_TPFLAG_GC) rh__gc_untrack(rt, o);
    for (size_t i = n; i-- > 0;) rh_xdecref(rt, items(o)[i]);
    rh__object_free(rt, o, RH_TUPLE_HEADER + n * sizeof(rh_object *));
}

/* structseq_repr: "<tp_name>(field=repr, ...)" over the visible items; item i is labelled with the i-th
 * *named* member, as 3.11's tp_members (which skip unnamed fields) do: stat_result's integer times show
 * as st_atime=, st_mtime=, st_ctime= */
static int structseq_repr_into(rh__sb *b, rh_object *o) {
    const structseq_desc *d = desc_of(o);
    if (rh__sb_puts(b, o->type->name) || rh__sb_putc(b, '(')) return -1;
    for (size_t i = 0, f = 0; i < d->nvisible; i++, f++) {
        while (!d->fields[f]) f++;
        if ((i && rh__sb_puts(b, ", ")) || rh__sb_puts(b, d->fields[f]) || rh__sb_putc(b, '=') ||
            rh__repr_into(b, items(o)[i]))
            return -1;
    }
    return rh__sb_putc(b, ')');
}

/* the type's member descriptors (structseq's PyMemberDef per field), then AttributeError */
static rh_object *structseq_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    const structseq_desc *d = desc_of(o);
    for (size_t i = 0; i < d->nfields; i++)
        if (d->fields[i] && rh_str_eq_cstr(name, d->fields[i])) {
            rh_incref(items(o)[i]);
            return items(o)[i];
        }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", o->type->name, rh_str_utf8(rt, name, NULL));
    return NULL;
}

/* PyStructSequence_InitType2: each type a copy of tuple's (its slots, sizes, header) with its own name,
 * base tuple (2.7: object, so isinstance(sys.version_info, tuple) is False there), no subclassing, no weak references to it yet, the slots above; 2.7's is no GC type. */
void rh__structseq_init(rh_runtime *rt) {
    rh_type *tuple = rh__builtin(rt, RH_K_TUPLE);
    for (int k = 0; k < RH_SS__COUNT; k++) {
        rh_type *t = rh_structseq_type(rt, (rh_structseq_kind)k);
        *t = *tuple;
        t->name = structseqs[k].name;
        t->base = rt->profile->python2 ? rh__builtin(rt, RH_K_OBJECT) : tuple; /* 2.7's template: no tp_base */
        t->weaklist = NULL;
        t->flags &= ~RH_TPFLAG_BASETYPE;
        if (rt->profile->python2) t->flags &= ~RH_TPFLAG_GC;
        t->dealloc = structseq_dealloc;
        t->tp_repr = rh__repr_by_builder;
        t->repr_into = structseq_repr_into;
        t->tp_getattro = structseq_getattro;
        t->tp_members = &structseqs[k];
        /* 3.13's tp_basicsize counts the hidden fields (sys.getsizeof of os.stat_result: 192, 3.12 120) */
        if (rt->profile->hexversion >= 0x030d0000)
            t->basicsize += (structseqs[k].nfields - structseqs[k].nvisible) * sizeof(rh_object *);
    }
}
