/* refheap/gen.h — generator and coroutine objects (CPython 3.11's PyGenObject / PyCoroObject,
 * Objects/genobject.c: make_gen, gen_dealloc, gen_traverse, _PyGen_Finalize, gen_sizeof).
 *
 * A generator owns the frame of its suspended code: the function (f_func), the frame object once one
 * was asked for, and the frame's words — the fast locals, then the value stack, then whatever the
 * embedder keeps per frame (refheap's VM: its loop cursors). In 3.11 those words live inside the
 * generator object (gi_iframe.localsplus, co_nlocalsplus + co_stacksize of them), so sys.getsizeof
 * depends on the code; the library allocates that size exactly and keeps the words there, in the
 * words CPython's own header would take when they fit, else in a plain C block beside the object
 * (bookkeeping, like the VM's frame arena). Running the frame is the embedder's business: the library
 * calls rh_hooks.gen_resume (runtime.h) for tp_iternext and for tp_finalize (PEP 442: a generator
 * dropped or collected while suspended is closed, its finally blocks run).
 *
 * Sizes (sys.getsizeof): 3.11 152 + 8 * (nlocals + stacksize) + GC head; 3.12/3.13 144 + 8 *
 * (nlocals + max(stacksize, 2)) + GC head (no gi_code; the StopIteration handler in the bytecode needs
 * two stack slots); 3.10 88 + GC head (a coroutine 96: cr_origin) and 2.7 48 + GC head whatever the code
 * (the frame is a separate frame object there; refheap does not allocate it). GC-tracked from creation;
 * weakref-able.
 */
#ifndef REFHEAP_GEN_H
#define REFHEAP_GEN_H
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* gi_frame_state (3.11 pycore_frame.h), in order: a generator past SUSPENDED has finished. */
typedef enum { RH_GEN_CREATED = 0, RH_GEN_SUSPENDED, RH_GEN_RUNNING, RH_GEN_COMPLETED, RH_GEN_CLEARED } rh_gen_state;

/* The generator's frame as the embedder drives it. words[0, nlocals) are the fast locals, the nstack
 * words after them the value stack while suspended (owned references; NULL or an odd-tagged word holds
 * none), the rest the embedder's. */
typedef struct rh_gen_frame {
    void *code;              /* the embedder's code unit */
    rh_object *func;         /* f_func (3.11+: counted; 3.10/2.7, whose frames hold the code and the globals,
                              * not the function: borrowed, valid while the frame is not cleared only
                              * through `globals`); NULL once the frame is cleared */
    rh_object *globals;      /* 3.10/2.7: the frame's f_globals (counted); NULL in 3.11+ */
    rh_object *frame_obj;    /* counted frame object (t_frame.c), made on demand; NULL when none */
    rh_object *exc_value;    /* gi_exc_state: the exception the suspended frame is handling (counted) */
    rh_object **words;
    int32_t nlocals, nstack, nwords;
    int32_t lasti;           /* resume point (the embedder's instruction index) */
    int32_t lineno;          /* line of the suspended frame (for a frame object made while suspended) */
    int32_t framesize;       /* co_nlocalsplus + co_stacksize: the size the frame object gets */
    int8_t state;            /* rh_gen_state */
    int8_t ag_closed;        /* async generator: ag_closed (StopAsyncIteration or GeneratorExit seen, aclose) */
    int8_t ag_running_async; /* async generator: an asend/athrow awaitable is driving it */
} rh_gen_frame;

/* The awaitables of an async generator (Objects/genobject.c PyAsyncGenASend / PyAsyncGenAThrow):
 * async_generator_asend (kind RH_K_ASYNC_GEN_ASEND, what __anext__ and asend(v) return; arg: the value to
 * send, or NULL) and async_generator_athrow (RH_K_ASYNC_GEN_ATHROW, athrow(...) with arg the argument
 * tuple, or aclose() with arg NULL and aclose 1). 40 bytes + GC head (sys.getsizeof 56 in 3.10-3.13),
 * GC-tracked from creation, not weakref-able. tp_iternext goes to rh_hooks.gen_resume (the embedder
 * runs the generator). state: 0 INIT, 1 ITER, 2 CLOSED (AwaitableState). */
typedef struct rh_agen_await {
    rh_object *gen;          /* the async generator (counted) */
    rh_object *arg;          /* counted or NULL */
    int8_t state;
    int8_t aclose;
} rh_agen_await;
/* New awaitable of kind RH_K_ASYNC_GEN_ASEND or RH_K_ASYNC_GEN_ATHROW over gen (borrowed) with arg
 * (borrowed, may be NULL). New reference or NULL with MemoryError. */
rh_object *rh_agen_await_new(rh_runtime *rt, rh_kind kind, rh_object *gen, rh_object *arg, int aclose);
rh_agen_await *rh_agen_await_of(rh_object *o);

/* A new generator (kind RH_K_GENERATOR) or coroutine (RH_K_COROUTINE) of function func (borrowed; a
 * reference is taken for f_func), named name / qualname (borrowed). nlocals + stacksize are CPython's
 * co_nlocalsplus + co_stacksize (they give the size); nwords >= nlocals is how many frame words the
 * embedder needs (zeroed). State CREATED, GC-tracked. New reference, or NULL with MemoryError. */
rh_object *rh_gen_new(rh_runtime *rt, rh_kind kind, void *code, rh_object *func, rh_object *name,
                      rh_object *qualname, int nlocals, int stacksize, int nwords);
rh_gen_frame *rh_gen_frame_of(rh_object *gen);
rh_object *rh_gen_name(rh_object *gen);       /* borrowed str */
rh_object *rh_gen_qualname(rh_object *gen);   /* borrowed str */
/* The frame object of a generator whose frame is not cleared (gi_frame): made on first use, borrowed;
 * NULL with the error set on failure, NULL without one when the frame is gone. */
rh_object *rh_gen_frame_object(rh_runtime *rt, rh_object *gen);
/* _PyFrame_Clear of the generator's frame (its code finished, or the generator dies): a frame object
 * still referenced elsewhere takes the locals over (no f_back), then the words are released in order,
 * then the function. State becomes CLEARED. */
void rh_gen_clear_frame(rh_runtime *rt, rh_object *gen);

#ifdef __cplusplus
}
#endif
#endif
