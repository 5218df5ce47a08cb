/* t_odict.c — collections.OrderedDict's own fields and its iterator (CPython 3.11 Objects/odictobject.c:
 * PyODictObject, _odictnode, _odict_resize, _odict_get_index, _odict_find_node_hash, _odict_add_new_node,
 * _odict_remove_node, _odict_clear_node, _odict_clear_nodes, _odict_keys_equal, PyODict_SetItem,
 * PyODict_DelItem, odict_sizeof, odict_traverse, odictiter_new, odictiter_nextkey, odictiter_iternext,
 * odictiter_dealloc, odictiter_traverse).
 *
 * The OrderedDict class itself is the embedder's (harness/src/mod_collections.c): a class deriving from
 * dict whose instances are 112 bytes, the dict's 48 followed by the fields below (rh_odict_fields), with
 * its __dict__ word at 96 and its weak reference list at 104 as PyODictObject. This file owns those
 * fields: a doubly linked list of nodes (key, hash, next, prev: 32 bytes each, PyMem memory, rh_mem_malloc,
 * not objects), the od_fast_nodes array (one node pointer per slot of the dict's keys table, indexed by
 * the key's entry index, PyMem too), od_state (bumped at every change of the list) and the iterator type
 * RH_K_ODICTITER (odict_iterator, 64 bytes + GC head: od, size and state at creation, the next key,
 * the reusable items tuple, the kind). The views (odict_keys ...) are t_dictview.c's.
 *
 * Invariants: a key of the dict has exactly one node once the OrderedDict operations finished, the node
 * holds a counted reference to the key; od_fast_nodes mirrors the dict's current keys table
 * (od_resize_sentinel is that table, rebuilt lazily when the dict resized); an empty list has no
 * od_fast_nodes until a lookup needs one. 3.x profiles only (py27's OrderedDict is Lib's Python class).
 */
#include <stddef.h>

#include "callables.h"
#include "containers.h"

typedef struct rh_odict_node {
    rh_object *key; /* counted */
    int64_t hash;
    struct rh_odict_node *next, *prev;
} rh_odict_node;

/* PyODictObject's fields after the PyDictObject */
typedef struct rh_odict_fields {
    rh_odict_node *first, *last;
    rh_odict_node **fast_nodes;
    intptr_t fast_nodes_size;
    const void *resize_sentinel;
    size_t state;
    rh_object *inst_dict;
    rh_object *weakreflist;
} rh_odict_fields;

_Static_assert(sizeof(rh_odict_node) == 32, "_ODictNode is 32 bytes");
_Static_assert(sizeof(rh_dict) + sizeof(rh_odict_fields) == 112, "PyODictObject is 112 bytes");

typedef struct rh_odictiter {
    rh_object ob;
    rh_object *od;      /* counted; NULL once exhausted */
    intptr_t size;      /* the OrderedDict's length at creation; -1 after "changed size" */
    size_t state;       /* its od_state at creation */
    rh_object *current; /* counted: the next key, NULL at the end */
    rh_object *result;  /* items iterators: the reusable (key, value) tuple */
    int kind;           /* RH_ODICT_ITER_KEYS | _VALUES | _REVERSED */
} rh_odictiter;
_Static_assert(sizeof(rh_odictiter) == 64, "odictiterobject is 64 bytes");

static rh_odict_fields *OD(rh_object *o) { return (rh_odict_fields *)(void *)((char *)o + sizeof(rh_dict)); }
static rh_odictiter *OI(rh_object *o) { return (rh_odictiter *)(void *)o; }

size_t rh_odict_basicsize(void) { return sizeof(rh_dict) + sizeof(rh_odict_fields); }
size_t rh_odict_dictoffset(void) { return sizeof(rh_dict) + offsetof(rh_odict_fields, inst_dict); }
size_t rh_odict_weaklistoffset(void) { return sizeof(rh_dict) + offsetof(rh_odict_fields, weakreflist); }

/* ---------------------------------------------------------------- the node list */

/* _odict_resize: a fresh od_fast_nodes as large as the dict's keys table, each node at its key's entry. */
static int odict_resize(rh_runtime *rt, rh_object *o) {
    rh_odict_fields *f = OD(o);
    size_t size = rh__dict_keys_slots(o);
    rh_odict_node **fast = rh_mem_malloc(rt, size * sizeof *fast);
    if (!fast) {
        rh_err_set(rt, RH_EXC_MEMORY, "%s", "");
        return -1;
    }
    for (size_t i = 0; i < size; i++) fast[i] = NULL;
    for (rh_odict_node *n = f->first; n; n = n->next) {
        intptr_t i = rh__dict_entry_index(rt, o, n->key, n->hash);
        if (i < 0) {
            rh_mem_free(rt, fast, size * sizeof *fast);
            return -1;
        }
        fast[i] = n;
    }
    if (f->fast_nodes) rh_mem_free(rt, f->fast_nodes, (size_t)f->fast_nodes_size * sizeof *fast);
    f->fast_nodes = fast;
    f->fast_nodes_size = (intptr_t)size;
    f->resize_sentinel = rh__dict_keys_ident(o);
    return 0;
}

/* _odict_get_index: the key's entry index in a fast-nodes array kept in step with the dict, or -1 */
static intptr_t odict_get_index(rh_runtime *rt, rh_object *o, rh_object *key, int64_t hash) {
    rh_odict_fields *f = OD(o);
    if (f->resize_sentinel != rh__dict_keys_ident(o) || (size_t)f->fast_nodes_size != rh__dict_keys_slots(o))
        if (odict_resize(rt, o) < 0) return -1;
    return rh__dict_entry_index(rt, o, key, hash);
}

/* _odict_find_node_hash: the key's node, or NULL (absent, or an error set) */
static rh_odict_node *find_node_hash(rh_runtime *rt, rh_object *o, rh_object *key, int64_t hash) {
    if (!OD(o)->first) return NULL;
    intptr_t i = odict_get_index(rt, o, key, hash);
    return i < 0 ? NULL : OD(o)->fast_nodes[i];
}

static void add_tail(rh_odict_fields *f, rh_odict_node *n) {
    n->prev = f->last;
    n->next = NULL;
    if (f->last) f->last->next = n;
    else f->first = n;
    f->last = n;
    f->state++;
}

static void add_head(rh_odict_fields *f, rh_odict_node *n) {
    n->prev = NULL;
    n->next = f->first;
    if (f->first) f->first->prev = n;
    else f->last = n;
    f->first = n;
    f->state++;
}

/* _odict_remove_node: unlinked, not freed */
static void remove_node(rh_odict_fields *f, rh_odict_node *n) {
    if (f->first == n) f->first = n->next;
    else if (n->prev) n->prev->next = n->next;
    if (f->last == n) f->last = n->prev;
    else if (n->next) n->next->prev = n->prev;
    n->prev = n->next = NULL;
    f->state++;
}

static void node_free(rh_runtime *rt, rh_odict_node *n) {
    rh_object *key = n->key;
    rh_decref(rt, key);
    rh_mem_free(rt, n, sizeof *n);
}

/* _odict_add_new_node: a node for key (already in the dict) at the end, unless it has one. 0 or -1. */
static int add_new_node(rh_runtime *rt, rh_object *o, rh_object *key, int64_t hash) {
    rh_incref(key);
    intptr_t i = odict_get_index(rt, o, key, hash);
    if (i < 0) {
        if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
        rh_decref(rt, key);
        return -1;
    }
    if (OD(o)->fast_nodes[i]) {
        rh_decref(rt, key);
        return 0;
    }
    rh_odict_node *n = rh_mem_malloc(rt, sizeof *n);
    if (!n) {
        rh_decref(rt, key);
        rh_err_set(rt, RH_EXC_MEMORY, "%s", "");
        return -1;
    }
    n->key = key;
    n->hash = hash;
    add_tail(OD(o), n);
    OD(o)->fast_nodes[i] = n;
    return 0;
}

/* _odict_clear_node: the key's node (when it has one) out of the array and the list, freed. 0 or -1. */
static int clear_node(rh_runtime *rt, rh_object *o, rh_object *key, int64_t hash) {
    if (!OD(o)->first) return 0;
    intptr_t i = odict_get_index(rt, o, key, hash);
    if (i < 0) return rh_err_occurred(rt) ? -1 : 0;
    rh_odict_node *n = OD(o)->fast_nodes[i];
    if (!n) return 0;
    OD(o)->fast_nodes[i] = NULL;
    remove_node(OD(o), n);
    node_free(rt, n);
    return 0;
}

/* _odict_clear_nodes: every node and the array freed (odict_clear, odict_dealloc, odict_tp_clear) */
void rh_odict_clear_nodes(rh_runtime *rt, rh_object *o) {
    rh_odict_fields *f = OD(o);
    if (f->fast_nodes) rh_mem_free(rt, f->fast_nodes, (size_t)f->fast_nodes_size * sizeof(rh_odict_node *));
    f->fast_nodes = NULL;
    f->fast_nodes_size = 0;
    f->resize_sentinel = NULL;
    rh_odict_node *n = f->first;
    f->first = f->last = NULL;
    while (n) {
        rh_odict_node *next = n->next;
        node_free(rt, n);
        n = next;
    }
}

/* PyODict_SetItem: the dict's store (the hash computed once), then the node; a failed node takes the
 * item out again. 0 or -1. */
int rh_odict_setitem(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *value) {
    int64_t hash;
    if (rh__key_hash(rt, key, &hash) < 0) return -1;
    if (rh__dict_set_hash(rt, o, key, hash, value) < 0) return -1;
    if (add_new_node(rt, o, key, hash) < 0) {
        rh_err_state saved;
        rh_err_save(rt, &saved);
        if (rh__dict_del_hash(rt, o, key, hash) < 0) rh_err_clear(rt);
        rh_err_restore_state(rt, &saved);
        return -1;
    }
    return 0;
}

/* PyODict_DelItem: the node first, then the dict's delete (KeyError when absent). 0 or -1. */
int rh_odict_delitem(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t hash;
    if (rh__key_hash(rt, key, &hash) < 0) return -1;
    if (clear_node(rt, o, key, hash) < 0) return -1;
    return rh__dict_del_hash(rt, o, key, hash);
}

/* odict_mp_ass_sub */
int rh_odict_ass_sub(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *value) {
    return value ? rh_odict_setitem(rt, o, key, value) : rh_odict_delitem(rt, o, key);
}

/* The first (last when `last`) key, borrowed, or NULL when empty */
rh_object *rh_odict_end_key(rh_object *o, int last) {
    rh_odict_node *n = last ? OD(o)->last : OD(o)->first;
    return n ? n->key : NULL;
}

/* The key after (before, when `reverse`) key's node; *found 0 when key has no node. Borrowed or NULL. */
static rh_object *neighbour(rh_runtime *rt, rh_object *o, rh_object *key, int reverse, int *found) {
    int64_t hash;
    *found = 0;
    if (rh__key_hash(rt, key, &hash) < 0) return NULL;
    rh_odict_node *n = find_node_hash(rt, o, key, hash);
    if (!n) return NULL;
    *found = 1;
    n = reverse ? n->prev : n->next;
    return n ? n->key : NULL;
}

/* OrderedDict.move_to_end's list part: the key's node to the end (`last`) or the front. 0, or -1 with
 * KeyError(key) when it has none (or another error). */
int rh_odict_move_to_end(rh_runtime *rt, rh_object *o, rh_object *key, int last) {
    rh_odict_fields *f = OD(o);
    if (!f->first) {
        rh__set_key_error(rt, key);
        return -1;
    }
    rh_odict_node *end = last ? f->last : f->first;
    if (key != end->key) {
        int64_t hash;
        if (rh__key_hash(rt, key, &hash) < 0) return -1;
        rh_odict_node *n = find_node_hash(rt, o, key, hash);
        if (!n) {
            if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
            return -1;
        }
        if (last) {
            if (n != f->last) { remove_node(f, n); add_tail(f, n); }
        } else if (n != f->first) {
            remove_node(f, n);
            add_head(f, n);
        }
    }
    return 0;
}

/* odict_popitem's removal of key (the node first, then the dict's item): the value, new reference, or
 * NULL with the error set (KeyError when the key went). */
rh_object *rh_odict_pop_known(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t hash;
    if (rh__key_hash(rt, key, &hash) < 0) return NULL;
    rh_odict_node *n = find_node_hash(rt, o, key, hash);
    if (!n) {
        if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
        return NULL;
    }
    rh_object *v = rh_dict_get(rt, o, key);
    if (!v) {
        if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
        return NULL;
    }
    rh_incref(v);
    if (clear_node(rt, o, key, hash) < 0 || rh__dict_del_hash(rt, o, key, hash) < 0) {
        rh_decref(rt, v);
        return NULL;
    }
    return v;
}

/* _odict_keys_equal: both lists' keys equal pairwise (same length). 1, 0 or -1. */
int rh_odict_keys_equal(rh_runtime *rt, rh_object *a, rh_object *b) {
    rh_odict_node *x = OD(a)->first, *y = OD(b)->first;
    for (;;) {
        if (!x && !y) return 1;
        if (!x || !y) return 0;
        int r = rh__richcompare_bool(rt, x->key, y->key, RH_CMP_EQ);
        if (r <= 0) return r;
        x = x->next;
        y = y->next;
    }
}

/* odict_sizeof: dict's __sizeof__ + the fast-nodes array + the nodes */
size_t rh_odict_sizeof(rh_runtime *rt, rh_object *o) {
    size_t r = rh_builtin_type(rt, RH_K_DICT)->size_of(rt, o); /* from o's type's basicsize */
    r += sizeof(rh_odict_node *) * (size_t)OD(o)->fast_nodes_size;
    if (OD(o)->first) r += sizeof(rh_odict_node) * rh_dict_len(o);
    return r;
}

/* odict_traverse's own part: the nodes' keys (the instance dict is the __dict__ word instance_traverse
 * visits) */
int rh_odict_traverse_nodes(rh_object *o, rh_visitproc visit, void *arg) {
    for (rh_odict_node *n = OD(o)->first; n; n = n->next) VISIT(n->key);
    return 0;
}

size_t rh_odict_state(rh_object *o) { return OD(o)->state; }

/* ---------------------------------------------------------------- odict_iterator */

/* odictiter_new: new reference; od borrowed */
rh_object *rh_odictiter_new(rh_runtime *rt, rh_object *od, int kind) {
    rh_object *o = new_gc(rt, RH_K_ODICTITER, sizeof(rh_odictiter));
    if (!o) return NULL;
    rh_odictiter *di = OI(o);
    if ((kind & RH_ODICT_ITER_KEYS) && (kind & RH_ODICT_ITER_VALUES) &&
        !(di->result = rh_tuple_pack(rt, 2, rh_none(rt), rh_none(rt)))) {
        rh_decref(rt, o);
        return NULL;
    }
    di->kind = kind;
    rh_object *k = rh_odict_end_key(od, (kind & RH_ODICT_ITER_REVERSED) != 0);
    rh_xincref(k);
    di->current = k;
    di->size = (intptr_t)rh_dict_len(od);
    di->state = OD(od)->state;
    rh_incref(od);
    di->od = od;
    rh__gc_track(rt, o);
    return o;
}

static void odictiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, OI(o)->od);
    rh_xdecref(rt, OI(o)->current);
    rh_xdecref(rt, OI(o)->result);
    rh__object_free(rt, o, sizeof(rh_odictiter));
}

static int odictiter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(OI(o)->od);
    VISIT(OI(o)->current);
    VISIT(OI(o)->result);
    return 0;
}

/* odictiter_nextkey: the next key (new reference), or NULL at the end or with the error set */
static rh_object *odictiter_nextkey(rh_runtime *rt, rh_odictiter *di) {
    if (!di->od) return NULL;
    if (!di->current) goto done;
    if (OD(di->od)->state != di->state) {
        rh_err_set(rt, RH_EXC_RUNTIME, "OrderedDict mutated during iteration");
        goto done;
    }
    if (di->size != (intptr_t)rh_dict_len(di->od)) {
        rh_err_set(rt, RH_EXC_RUNTIME, "OrderedDict changed size during iteration");
        di->size = -1;
        return NULL;
    }
    int found;
    rh_object *next = neighbour(rt, di->od, di->current, (di->kind & RH_ODICT_ITER_REVERSED) != 0, &found);
    if (!found) {
        if (!rh_err_occurred(rt)) rh__set_key_error(rt, di->current);
        clear_slot(rt, &di->current);
        return NULL;
    }
    rh_object *key = di->current;
    rh_xincref(next);
    di->current = next;
    return key;
done:
    clear_slot(rt, &di->od);
    return NULL;
}

/* odictiter_iternext */
static rh_object *odictiter_next(rh_runtime *rt, rh_object *o) {
    rh_odictiter *di = OI(o);
    rh_object *key = odictiter_nextkey(rt, di);
    if (!key) return NULL;
    if (!(di->kind & RH_ODICT_ITER_VALUES)) return key;
    rh_object *value = rh_dict_get(rt, di->od, key);
    if (!value) {
        if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
        rh_decref(rt, key);
        return NULL;
    }
    rh_incref(value);
    if (!(di->kind & RH_ODICT_ITER_KEYS)) {
        rh_decref(rt, key);
        return value;
    }
    rh_object *r = di->result;
    if (r->refcnt == 1) {
        rh_incref(r);
        rh_object *ok = rh_tuple_get(r, 0), *ov = rh_tuple_get(r, 1);
        rh_tuple_set(r, 0, key);
        rh_tuple_set(r, 1, value);
        rh_decref(rt, ok);
        rh_decref(rt, ov);
        if (!rh__gc_is_tracked(r)) rh__gc_track(rt, r);
        return r;
    }
    if (!(r = rh_tuple_new(rt, 2))) {
        rh_decref(rt, key);
        rh_decref(rt, value);
        return NULL;
    }
    rh_tuple_set(r, 0, key);
    rh_tuple_set(r, 1, value);
    return r;
}

static rh_object *odictiter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* odictiter_reduce's length hint is not modelled; __length_hint__: what is left while unchanged */
void rh__type_init_odictiter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "odict_iterator", sizeof(rh_odictiter), 0, odictiter_dealloc, odictiter_traverse, NULL);
    t->tp_iter = odictiter_self;
    t->tp_iternext = odictiter_next;
}

/* ---------------------------------------------------------------- the class's layout */

/* odict_iter: keys in the list's order */
static rh_object *odict_iter(rh_runtime *rt, rh_object *o) { return rh_odictiter_new(rt, o, RH_ODICT_ITER_KEYS); }

/* The embedder's OrderedDict class (made as `class OrderedDict(dict): __slots__ = ()`) given
 * PyODict_Type's layout and the slots this file owns: 112-byte instances, __dict__ at 96 (tp_dictoffset),
 * weak references at 104, odict_sizeof, odict_mp_ass_sub, odict_iter. RH_TPFLAG_ODICT marks it and its
 * subclasses, whose instance dealloc/traverse/clear (t_class.c) then free and visit the nodes. */
void rh_odict_class_layout(rh_runtime *rt, rh_object *cls) {
    (void)rt;
    rh_class *c = rh__as_class(cls);
    c->t.basicsize = rh_odict_basicsize();
    c->slotoffset = c->t.basicsize;
    c->dictoffset = rh_odict_dictoffset();
    c->t.weaklistoffset = rh_odict_weaklistoffset();
    c->t.flags |= RH_TPFLAG_WEAKREFABLE | RH_TPFLAG_ODICT;
    c->t.size_of = rh_odict_sizeof;
    c->t.as_mapping.mp_ass_subscript = rh_odict_ass_sub;
    c->t.tp_iter = odict_iter;
}

/* odict_repr's pieces of an exact OrderedDict: PyList_New(len) filled walking the nodes with (key, value)
 * tuples (appended past the length, the list cut short when fewer); a key without a value: KeyError. New
 * list or NULL. */
rh_object *rh_odict_pairs(rh_runtime *rt, rh_object *o) {
    size_t size = rh_dict_len(o), count = 0;
    rh_object *pieces = rh_list_new(rt, size);
    if (!pieces) return NULL;
    for (rh_odict_node *n = OD(o)->first; n; n = n->next) {
        rh_object *key = n->key, *value = rh_dict_get(rt, o, key), *pair;
        if (!value) {
            if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
            break;
        }
        if (!(pair = rh_tuple_pack(rt, 2, key, value))) break;
        if (count < size) {
            rh_list_set_init(pieces, count, pair);
        } else {
            int rc = rh_list_append(rt, pieces, pair);
            rh_decref(rt, pair);
            if (rc) break;
        }
        count++;
    }
    if (count < size) ((rh_list *)(void *)pieces)->ob.size = (intptr_t)count; /* Py_SET_SIZE */
    if (rh_err_occurred(rt)) rh_setref(rt, &pieces, NULL);
    return pieces;
}
