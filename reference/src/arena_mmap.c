/* arena_mmap.c — the default arena allocator under pymalloc: anonymous private mmap / munmap, as
 * CPython's _PyObject_Arena with ARENAS_USE_MMAP (Objects/obmalloc.c:_PyObject_ArenaMmap, 3.11).
 * Owns no state (ctx is NULL); every arena is its own mapping, so releasing one returns it to the OS at
 * once. mmap guarantees page (4 KiB) alignment only; pymalloc handles an arena that is not pool-aligned.
 */
#include <sys/mman.h>

#include "refheap/alloc.h"

static void *arena_mmap_alloc(void *ctx, size_t size) {
    (void)ctx;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static void arena_mmap_free(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    munmap(ptr, size);
}

int rh_arena_allocator_mmap(rh_arena_allocator *out) {
    *out = (rh_arena_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_arena_allocator), .name = "mmap",
        .ctx = NULL, .alloc = arena_mmap_alloc, .free = arena_mmap_free,
    };
    return 0;
}
