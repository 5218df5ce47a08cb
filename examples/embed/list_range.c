/* list_range.c — the README's example: list(range(10**7)) on a librefheap runtime, its allocator
 * figures, and what the del gives back. Built by CMake and run by ctest (examples.readme_list_range). */
#include <stdio.h>

#include <refheap/refheap.h>

int main(void) {
    char err[256];
    rh_config cfg = {0}; /* py311 profile, pymalloc over mmap arenas */
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    if (!rt) {
        fprintf(stderr, "runtime: %s\n", err);
        return 1;
    }
    rh_object *l = rh_list_from_range(rt, 0, 10000000, 1); /* new reference: list(range(10**7)) */
    if (!l) {
        fprintf(stderr, "%s\n", rh_exc_name(rh_err_occurred(rt)));
        return 1;
    }
    rh_stats st = {.struct_size = sizeof st};
    rh_stats_get(rt, &st);
    printf("after build: %llu live objects, %llu arenas, %llu blocks of 32 bytes\n",
           (unsigned long long)st.objects_live, (unsigned long long)st.allocator.arenas_current,
           (unsigned long long)st.allocator.classes[1].blocks_in_use);
    rh_decref(rt, l); /* ints freed last to first; each empty arena unmapped at once, one kept */
    rh_stats_get(rt, &st);
    printf("after del: %llu live objects, %llu arenas (%llu reclaimed)\n", (unsigned long long)st.objects_live,
           (unsigned long long)st.allocator.arenas_current, (unsigned long long)st.allocator.arenas_reclaimed);
    rh_stats_json(rt, stdout); /* the whole snapshot: freelists, gc counts, debugmallocstats figures */
    putchar('\n');
    rh_runtime_free(rt);
    return 0;
}
