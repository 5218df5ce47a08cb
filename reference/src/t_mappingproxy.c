/* t_mappingproxy.c — the read-only view of a mapping: what `C.__dict__` and `types.MappingProxyType(m)`
 * give (CPython 3.11 Objects/descrobject.c: mappingproxyobject, mappingproxy_new, PyDictProxy_New,
 * mappingproxy_dealloc, mappingproxy_traverse, mappingproxy_repr, mappingproxy_richcompare,
 * mappingproxy_or; Python 2.7's dictproxy).
 *
 * Owns the type RH_K_MAPPINGPROXY: layout, allocation, dealloc, traversal and the slots that forward to
 * the mapping (len, getitem, contains, iter, ==, |, str, repr). Its methods (get, keys, values, items, copy,
 * __reversed__) call the mapping's methods of the same names: they belong to the embedder, which runs
 * method calls (harness/src/builtins_proxy.c).
 *
 * Invariants: a proxy is 24 bytes (header and one counted reference to the mapping) with the GC head in
 * front, so sys.getsizeof is 40 in 3.x (56 in 2.7, whose GC head is 32 bytes); it is tracked from
 * creation to its dealloc and traverses its mapping; it has no tp_clear, as in CPython. A proxy never
 * writes to its mapping: item assignment and deletion have no slot (TypeError "'mappingproxy' object does
 * not support item assignment"). Every read of a class's __dict__ makes a new proxy (type_dict).
 */
#include <string.h>

#include "callables.h"
#include "refheap/abstract.h"
#include "refheap/profile.h"

typedef struct rh_mappingproxy {
    rh_object ob;
    rh_object *mapping; /* counted */
} rh_mappingproxy;

_Static_assert(sizeof(rh_mappingproxy) == 24, "mappingproxyobject is 24 bytes");

static rh_mappingproxy *MP(rh_object *o) { return (rh_mappingproxy *)(void *)o; }

rh_object *rh_mappingproxy_new(rh_runtime *rt, rh_object *mapping) {
    rh_object *o = new_gc(rt, RH_K_MAPPINGPROXY, sizeof(rh_mappingproxy));
    if (!o) return NULL;
    rh_incref(mapping);
    MP(o)->mapping = mapping;
    rh__gc_track(rt, o);
    return o;
}

rh_object *rh_mappingproxy_mapping(rh_object *proxy) { return MP(proxy)->mapping; }

static void mp_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_decref(rt, MP(o)->mapping);
    rh__object_free(rt, o, sizeof(rh_mappingproxy));
}

static int mp_traverse(rh_object *o, rh_visitproc visit, void *arg) { return visit(MP(o)->mapping, arg); }

/* mappingproxy_check_mapping: a mapping (mp_subscript), but not a list or tuple */
static int check_mapping(rh_runtime *rt, rh_object *m) {
    rh_kind k = rh_kind_of(m);
    if (m->type->as_mapping.mp_subscript && k != RH_K_LIST && k != RH_K_TUPLE &&
        !rh__type_is_subtype(m->type, rh_builtin_type(rt, RH_K_LIST)) &&
        !rh__type_is_subtype(m->type, rh_builtin_type(rt, RH_K_TUPLE)))
        return 0;
    rh_err_set(rt, RH_EXC_TYPE, "mappingproxy() argument must be a mapping, not %s", rh_type_name(m));
    return -1;
}

/* mappingproxy_new: mappingproxy(mapping) */
static rh_object *mp_new(rh_runtime *rt, rh_type *type, rh_object *const *args, size_t nargs) {
    (void)type;
    if (nargs != 1) {
        rh_err_set(rt, RH_EXC_TYPE, nargs ? "mappingproxy() takes at most 1 argument (%zu given)"
                                          : "mappingproxy() missing required argument 'mapping' (pos 1)", nargs);
        return NULL;
    }
    return check_mapping(rt, args[0]) ? NULL : rh_mappingproxy_new(rt, args[0]);
}

static intptr_t mp_len(rh_runtime *rt, rh_object *o) { return (intptr_t)rh_len(rt, MP(o)->mapping); }
static rh_object *mp_getitem(rh_runtime *rt, rh_object *o, rh_object *k) { return rh_getitem(rt, MP(o)->mapping, k); }
static int mp_contains(rh_runtime *rt, rh_object *o, rh_object *k) { return rh_contains(rt, MP(o)->mapping, k); }
static rh_object *mp_iter(rh_runtime *rt, rh_object *o) { return rh_getiter(rt, MP(o)->mapping); }

static rh_object *mp_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    return rh__richcompare(rt, MP(a)->mapping, b, op);
}

/* mappingproxy_or (3.9+): either side a proxy is unwrapped, then mapping | other */
static rh_object *mp_or(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh_kind_of(a) == RH_K_MAPPINGPROXY) a = MP(a)->mapping;
    if (rh_kind_of(b) == RH_K_MAPPINGPROXY) b = MP(b)->mapping;
    return rh_binop(rt, RH_BINOP_OR, a, b);
}

/* mappingproxy_ior: never in place */
static rh_object *mp_ior(rh_runtime *rt, rh_object *a, rh_object *b) {
    (void)a;
    (void)b;
    rh_err_set(rt, RH_EXC_TYPE, "'|=' is not supported by mappingproxy; use '|' instead");
    return NULL;
}

/* mappingproxy_repr: mappingproxy({...}); 2.7's dictproxy_repr: dict_proxy({...}) */
static int mp_repr_into(rh__sb *b, rh_object *o) {
    const char *open = rh_runtime_profile(b->rt)->python2 ? "dict_proxy(" : "mappingproxy(";
    return rh__sb_puts(b, open) || rh__repr_into(b, MP(o)->mapping) || rh__sb_putc(b, ')');
}

/* mappingproxy_str: str(mapping) */
static rh_object *mp_str(rh_runtime *rt, rh_object *o) { return rh_str(rt, MP(o)->mapping); }

/* 3.12 added mappingproxy_hash (the mapping's hash); before, a proxy is unhashable as its tp_richcompare
 * without tp_hash makes it. 2.7's dictproxy had no richcompare: object's identity hash. */
static int64_t mp_hash(rh_runtime *rt, rh_object *o) {
    int64_t h;
    if (rh_runtime_profile(rt)->version_hex < 0x030C) return rh__hash_not_implemented(rt, o);
    return rh_hash(rt, MP(o)->mapping, &h) ? -1 : h;
}

void rh__type_init_mappingproxy(rh_runtime *rt, rh_type *t) {
    set_type(t, rh_runtime_profile(rt)->python2 ? "dictproxy" : "mappingproxy", sizeof(rh_mappingproxy), 0,
             mp_dealloc, mp_traverse, NULL);
    t->repr_into = mp_repr_into;
    t->tp_new = mp_new;
    t->tp_str = mp_str;
    t->tp_iter = mp_iter;
    t->tp_hash = mp_hash;
    t->tp_richcompare = mp_richcompare;
    t->as_sequence.sq_contains = mp_contains;
    t->as_mapping.mp_length = mp_len;
    t->as_mapping.mp_subscript = mp_getitem;
    if (!rh_runtime_profile(rt)->python2) {
        t->as_number.nb_or = mp_or;
        t->as_number.nb_inplace_or = mp_ior;
    }
}
