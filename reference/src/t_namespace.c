/* t_namespace.c — types.SimpleNamespace, the type of sys.implementation (CPython 3.11
 * Objects/namespaceobject.c: _PyNamespace_New, namespace_new, namespace_dealloc, namespace_traverse,
 * namespace_clear, namespace_repr, namespace_richcompare).
 *
 * Owns the type RH_K_NAMESPACE: layout, allocation, attribute access, repr, equality. Its keyword
 * constructor is the embedder's (it parses calls: harness/src/builtins_proxy.c).
 *
 * Invariants: a namespace is 24 bytes (header and ns_dict, its __dict__, made with the object) with the GC
 * head in front: sys.getsizeof 40. It is tracked from creation to its dealloc, traverses and clears its
 * dict. Its attributes are exactly its dict's entries: reading, writing and deleting one go through
 * ns_dict (PyObject_GenericGetAttr with tp_dictoffset), so `ns.__dict__` is ns_dict itself.
 */
#include <stddef.h>
#include <string.h>

#include "callables.h"
#include "refheap/abstract.h"
#include "refheap/profile.h"

typedef struct rh_namespace {
    rh_object ob;
    rh_object *ns_dict; /* counted; NULL only after tp_clear */
} rh_namespace;

_Static_assert(sizeof(rh_namespace) == 24, "_PyNamespaceObject is 24 bytes");

static rh_namespace *NS(rh_object *o) { return (rh_namespace *)(void *)o; }

rh_object *rh_namespace_new(rh_runtime *rt, rh_object *dict) {
    rh_object *d = dict ? dict : rh_dict_new(rt);
    if (!d) return NULL;
    if (dict) rh_incref(d);
    rh_object *o = new_gc(rt, RH_K_NAMESPACE, sizeof(rh_namespace));
    if (!o) {
        rh_decref(rt, d);
        return NULL;
    }
    NS(o)->ns_dict = d;
    rh__gc_track(rt, o);
    return o;
}

rh_object *rh_namespace_dict(rh_object *ns) { return NS(ns)->ns_dict; }

static void ns_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, NS(o)->ns_dict);
    rh__object_free(rt, o, sizeof(rh_namespace));
}

static int ns_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(NS(o)->ns_dict);
    return 0;
}

static int ns_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &NS(o)->ns_dict);
    return 0;
}

static rh_object *no_attr(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", o->type->name, rh_str_utf8(rt, name, NULL));
    return NULL;
}

/* PyObject_GenericGetAttr over tp_dictoffset: __class__ and __dict__ (type getsets), then the dict */
static rh_object *ns_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_object *v = NULL;
    if (rh_str_eq_cstr(name, "__class__")) v = (rh_object *)o->type;
    else if (rh_str_eq_cstr(name, "__dict__")) v = NS(o)->ns_dict;
    else if (NS(o)->ns_dict && !(v = rh_dict_get(rt, NS(o)->ns_dict, name)) && rh_err_occurred(rt)) return NULL;
    if (!v) return no_attr(rt, o, name);
    rh_incref(v);
    return v;
}

/* PyObject_GenericSetAttr: the dict's entry; deleting an absent one is AttributeError (3.10: the bare name,
 * as the KeyError it replaced) */
static int ns_setattro(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    if (rh_str_eq_cstr(name, "__dict__") || rh_str_eq_cstr(name, "__class__")) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot set '%s' attribute of '%s' objects", rh_str_utf8(rt, name, NULL), o->type->name);
        return -1;
    }
    if (v) return rh_dict_set(rt, NS(o)->ns_dict, name, v);
    if (rh_dict_get(rt, NS(o)->ns_dict, name)) return rh_dict_del(rt, NS(o)->ns_dict, name);
    if (rh_err_occurred(rt)) return -1;
    if (rh_runtime_profile(rt)->version_hex < 0x030B) rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s", rh_str_utf8(rt, name, NULL));
    else no_attr(rt, o, name);
    return -1;
}

/* namespace_repr: namespace(a=1, b=[2]); the entries whose key is a non-empty str, in dict order */
static int ns_items(rh__sb *b, rh_object *o) {
    rh_object *k, *v;
    size_t pos = 0;
    int first = 1;
    while (rh_dict_next(NS(o)->ns_dict, &pos, &k, &v)) {
        if (rh_kind_of(k) != RH_K_STR || rh_str_len(k) == 0) continue;
        if ((!first && rh__sb_puts(b, ", ")) || rh__sb_put_str(b, k) || rh__sb_putc(b, '=') || rh__repr_into(b, v))
            return -1;
        first = 0;
    }
    return rh__sb_putc(b, ')');
}

static int ns_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_puts(b, "namespace(") || rh__repr_guarded(b, o, "...)", ns_items);
}

/* namespace_richcompare: two namespaces are equal when their dicts are; anything else NotImplemented */
static rh_object *ns_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    rh_type *t = rh_builtin_type(rt, RH_K_NAMESPACE);
    if (!rh__type_is_subtype(a->type, t) || !rh__type_is_subtype(b->type, t) || (op != RH_CMP_EQ && op != RH_CMP_NE))
        return rh__notimpl(rt);
    return rh__richcompare(rt, NS(a)->ns_dict, NS(b)->ns_dict, op);
}

void rh__type_init_namespace(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "types.SimpleNamespace", sizeof(rh_namespace), 0, ns_dealloc, ns_traverse, ns_clear);
    t->repr_into = ns_repr_into;
    t->tp_getattro = ns_getattro;
    t->tp_setattro = ns_setattro;
    t->tp_richcompare = ns_richcompare;
    t->tp_hash = rh__hash_not_implemented; /* tp_richcompare without tp_hash */
}
