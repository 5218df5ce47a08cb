/* dict27.h — the 2.7 dict table of t_dict27.c (profile->dict_smalltable), used by t_dict.c. Not installed.
 *
 * rh_dict27 is 2.7's PyDictObject, 248 bytes: the dict type's basicsize when the profile asks for it,
 * which is also how rh__dict27_is tells the two layouts apart without a runtime (for a dict subclass's
 * instance: its built-in base's basicsize).
 */
#ifndef REFHEAP_DICT27_H
#define REFHEAP_DICT27_H
#include "containers.h"

#define RH_DICT27_MINSIZE 8 /* PyDict_MINSIZE: slots of the smalltable */
typedef struct rh_dict27 {
    rh_object ob;
    intptr_t used;               /* ma_used — at rh_dict.used's offset */
    intptr_t fill;               /* ma_fill: active + dummy slots */
    rh_dict_entry *table;        /* ma_table: small, or (mask + 1) slots of their own */
    intptr_t mask;               /* ma_mask */
    void *lookup_;               /* ma_lookup: layout only */
    rh_dict_entry small[RH_DICT27_MINSIZE]; /* ma_smalltable */
} rh_dict27;
_Static_assert(sizeof(rh_dict27) == 248, "2.7's PyDictObject is 248 bytes");
_Static_assert(offsetof(rh_dict27, used) == offsetof(rh_dict, used), "rh_dict_len reads used");

/* d has 2.7's layout: its type's (for a subclass's instance, its built-in base's) basicsize says so.
 * Inline: the dict paths that run per instruction (LOAD_GLOBAL's versioned reads) ask it every time. */
static inline int rh__dict27_is(const rh_object *d) {
    const rh_type *t = d->type;
    while (t->flags & RH_TPFLAG_HEAPTYPE) t = t->base;
    return t->basicsize == sizeof(rh_dict27);
}
void rh__dict27_init(rh_object *d);                       /* empty, smalltable (EMPTY_TO_MINSIZE) */
int rh__dict27_presize(rh_runtime *rt, rh_object *d, size_t n);
int rh__dict27_lookup(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object **value);
int rh__dict27_set(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object *value);
int rh__dict27_pop(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object **old);
int rh__dict27_clear(rh_runtime *rt, rh_object *d);
void rh__dict27_release(rh_runtime *rt, rh_object *d);    /* dealloc: entries and table */
int rh__dict27_next(rh_object *d, size_t *pos, rh_object **k, rh_object **v);
int rh__dict27_merge_into(rh_runtime *rt, rh_object *fresh, rh_object *src);
int rh__dict27_traverse(rh_object *d, rh_visitproc visit, void *arg);
size_t rh__dict27_size_of(rh_object *d);

#endif
