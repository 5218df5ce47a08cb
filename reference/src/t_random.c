/* t_random.c — random.Random objects (CPython 3.11: Lib/random.py's class Random over
 * Modules/_randommodule.c's RandomObject).
 *
 * Owns the kind RH_K_RANDOM: the object and its generator state. The state's contents (the Mersenne
 * Twister words, the gauss_next value) are the interpreter's business (harness/src/mod_random.c); the
 * library only holds RH_RANDOM_STATE_BYTES of them after the header.
 *
 * Invariants: GC-tracked from creation to dealloc (the Python-level subclass random.Random has a
 * __dict__ and __weakref__). sys.getsizeof reports what CPython reports for an instance of that class:
 * 3.11: basicsize 2528 (RandomObject 2520 + __weakref__) + the managed-dict pre-header 16 + GC head;
 * 3.10 / 3.12+: 2536 + GC head; 2.7: 5032 + GC head. refheap allocates its own smaller layout and gives the
 * instances no attribute dict (docs/conformance.md).
 */
#include "callables.h"
#include "refheap/modtypes.h"

enum { RH_RANDOM_STATE_BYTES = 624 * 4 + 4 + 4 + 8 }; /* mt[624], index, has_gauss, gauss_next */

typedef struct rh_random {
    rh_object ob;
    _Alignas(8) unsigned char state[RH_RANDOM_STATE_BYTES];
} rh_random;

void *rh_random_state(rh_object *r) { return ((rh_random *)(void *)r)->state; }
size_t rh_random_state_size(void) { return RH_RANDOM_STATE_BYTES; }

rh_object *rh_random_new(rh_runtime *rt) {
    rh_object *o = new_gc(rt, RH_K_RANDOM, sizeof(rh_random));
    if (o) rh__gc_track(rt, o);
    return o;
}

static void random_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__object_free(rt, o, sizeof(rh_random));
}

static int random_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT((rh_object *)o->type); /* subtype_traverse: the class */
    return 0;
}

static size_t random_sizeof(rh_runtime *rt, rh_object *o) {
    (void)o;
    uint32_t v = rt->profile->version_hex;
    return v < 0x0300 ? 5032 : v == 0x030B ? 2544 : 2536;
}

static int random_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<random.Random object at %p>", (void *)o);
}

void rh__type_init_random(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "Random", sizeof(rh_random), 0, random_dealloc, random_traverse, NULL);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->size_of = random_sizeof;
    t->repr_into = random_repr_into;
}
