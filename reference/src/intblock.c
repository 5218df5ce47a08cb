/* intblock.c — Python 2.7's block stores for ints and floats (py27 profile): PyIntBlock / PyFloatBlock
 * and their unbounded free lists.
 *
 * Owns: the rh_intblocks states of a runtime (rt->fl.int27, rt->fl.float27) and rh__intblock_*.
 * Objects/floatobject.c (2.7) uses the very same scheme for its 24-byte PyFloatObjects (BLOCK_SIZE 1000,
 * BHEAD_SIZE 8, fill_free_list, PyFloat_ClearFreeList), so one implementation serves both.
 *
 * Layout (Objects/intobject.c, 2.7): ints are never allocated one by one. fill_free_list takes a block
 * of BLOCK_SIZE 1000 bytes minus the 8-byte BHEAD: a `next` pointer followed by (1000 - 8) / 24 = 41
 * PyIntObjects of 24 bytes, i.e. 8 + 41 * 24 = 992 bytes, from PyMem_MALLOC — plain malloc, never
 * pymalloc. Here the block comes from rh_mem_malloc, which hands any request above the small-request
 * threshold (992 > 512) to the underlying allocator, so the memory lands where 2.7's did.
 *
 *     block:  [next][int 0][int 1] ... [int 40]          992 bytes
 *
 * Invariants:
 *  - every slot of every block is either a live int (type == the int type, refcnt > 0) or on the free
 *    list, linked through its type pointer (NULL ends the list), as 2.7 links Py_TYPE(p);
 *  - a fresh block's slots are chained from the last to the first, so they are handed out top down;
 *  - freeing an int only pushes its slot: memory goes back to the allocator only in
 *    rh__intblock_clear (2.7's PyInt_ClearFreeList, run by every full collection) for blocks with no live
 *    int, and in rh__intblock_fini at teardown;
 *  - free_n counts the slots on the free list, nblocks the blocks held.
 */
#include "internal.h"

#define INTBLOCK_HEAD sizeof(void *) /* BHEAD_SIZE */
#define INTBLOCK_OBJ 24u               /* sizeof(PyIntObject) */
/* N_INTOBJECTS and the bytes asked of the allocator, from the profile's BLOCK_SIZE (1000: 41, 992) */
#define INTBLOCK_N(b) ((b)->per_block)
#define INTBLOCK_ALLOC(b) (INTBLOCK_HEAD + (b)->per_block * INTBLOCK_OBJ)

static rh_object *slot(void *block, size_t i) {
    return (rh_object *)((char *)block + INTBLOCK_HEAD + i * INTBLOCK_OBJ);
}

static void **block_next(void *block) { return (void **)block; }

/* fill_free_list: a new block, its slots chained last to first. 0, or -1 with MemoryError set. */
static int fill(rh_runtime *rt, rh_intblocks *b, uint32_t block_size) {
    if (!b->per_block) b->per_block = (block_size - INTBLOCK_HEAD) / INTBLOCK_OBJ;
    void *block = rh_mem_malloc(rt, INTBLOCK_ALLOC(b));
    if (!block) return -1;
    *block_next(block) = b->blocks;
    b->blocks = block;
    b->nblocks++;
    slot(block, 0)->type = (rh_type *)b->free;
    for (size_t i = 1; i < INTBLOCK_N(b); i++) slot(block, i)->type = (rh_type *)slot(block, i - 1);
    b->free = slot(block, INTBLOCK_N(b) - 1);
    b->free_n += INTBLOCK_N(b);
    return 0;
}

rh_object *rh__intblock_pop(rh_runtime *rt, rh_intblocks *b, uint32_t block_size) {
    if (!b->free && fill(rt, b, block_size) != 0) return NULL;
    rh_object *o = b->free;
    b->free = (rh_object *)o->type;
    b->free_n--;
    return o;
}

void rh__intblock_push(rh_intblocks *b, rh_object *o) {
    o->refcnt = 0;
    o->type = (rh_type *)b->free;
    b->free = o;
    b->free_n++;
}

/* PyInt_ClearFreeList / PyFloat_ClearFreeList: blocks without a live object go back to the allocator; the dead slots of the others
 * form the new free list, pushed block by block, slot by slot (so the last dead slot comes out first). */
void rh__intblock_clear(rh_runtime *rt, rh_intblocks *b, const rh_type *live_type) {
    void *keep = NULL, *block = b->blocks;
    b->free = NULL;
    b->free_n = 0;
    while (block) {
        void *next = *block_next(block);
        size_t live = 0;
        for (size_t i = 0; i < INTBLOCK_N(b); i++) {
            rh_object *o = slot(block, i);
            live += o->type == live_type && o->refcnt != 0;
        }
        if (live == 0) {
            rh_mem_free(rt, block, INTBLOCK_ALLOC(b));
            b->nblocks--;
        } else {
            *block_next(block) = keep;
            keep = block;
            for (size_t i = 0; i < INTBLOCK_N(b); i++) {
                rh_object *o = slot(block, i);
                if (o->type != live_type || o->refcnt == 0) rh__intblock_push(b, o);
            }
        }
        block = next;
    }
    b->blocks = keep;
}

void rh__intblock_fini(rh_runtime *rt, rh_intblocks *b) {
    while (b->blocks) {
        void *next = *block_next(b->blocks);
        rh_mem_free(rt, b->blocks, INTBLOCK_ALLOC(b));
        b->blocks = next;
    }
    b->nblocks = 0;
    b->free = NULL;
    b->free_n = 0;
}
