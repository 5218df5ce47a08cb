/* zz_placeholders.c — TEMPORARY weak definitions so every part builds and links while the modules are
 * written in parallel. Each real definition (strong) overrides its placeholder. Deleted at integration. */
#include <stdlib.h>

#include "internal.h"

#define WEAK __attribute__((weak))

static void *ph_malloc(void *c, size_t n) { (void)c; return malloc(n ? n : 1); }
static void *ph_calloc(void *c, size_t a, size_t b) { (void)c; return calloc(a ? a : 1, b ? b : 1); }
static void *ph_realloc(void *c, void *p, size_t o, size_t n) { (void)c; (void)o; return realloc(p, n ? n : 1); }
static void ph_free(void *c, void *p, size_t n) { (void)c; (void)n; free(p); }

WEAK int rh_allocator_pymalloc(rh_allocator *out, const struct rh_profile *profile,
                               const rh_arena_allocator *arenas) {
    (void)profile; (void)arenas;
    *out = (rh_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof(rh_allocator), "placeholder-malloc", NULL,
                          ph_malloc, ph_calloc, ph_realloc, ph_free, NULL, NULL, NULL};
    return 0;
}
WEAK void rh_allocator_destroy(rh_allocator *a) { if (a && a->destroy) a->destroy(a->ctx); }
WEAK int rh__small_ints_init(rh_runtime *rt) { (void)rt; return 0; }
WEAK int rh__strings_init(rh_runtime *rt) { (void)rt; return 0; }
WEAK void rh__interned_fini(rh_runtime *rt) { (void)rt; }
WEAK void rh__float_freelist_clear(rh_runtime *rt) { (void)rt; }
WEAK void rh__tuple_freelist_clear(rh_runtime *rt) { (void)rt; }
WEAK void rh__list_freelist_clear(rh_runtime *rt) { (void)rt; }
WEAK void rh__dict_freelist_clear(rh_runtime *rt) { (void)rt; }
WEAK void rh__int_freelist_clear(rh_runtime *rt) { (void)rt; }
#define PH_TYPE(k, nm) WEAK void rh__type_init_##k(rh_runtime *rt, rh_type *t) { (void)rt; t->name = nm; }
PH_TYPE(none, "NoneType")
PH_TYPE(bool, "bool")
PH_TYPE(int, "int")
PH_TYPE(float, "float")
PH_TYPE(str, "str")
PH_TYPE(tuple, "tuple")
PH_TYPE(list, "list")
PH_TYPE(dict, "dict")
PH_TYPE(range, "range")
PH_TYPE(type, "type")
PH_TYPE(object, "object")
