/* refheap/bytes.h — bytes and bytearray (reference/src/t_bytes.c; CPython 3.11 Objects/bytesobject.c,
 * Objects/bytearrayobject.c).
 *
 * Ownership: object arguments are borrowed; functions returning rh_object* return a new reference or NULL
 * with the runtime error set (MemoryError on allocation failure).
 * Identity, as PyBytes_FromStringAndSize: rh_bytes_from with n == 0 is the shared empty bytes, with n == 1
 * the shared 1-byte bytes of that value (3.11's characters[]); rh_bytes_new (data to be written by the
 * caller) is the empty bytes only for n == 0 and otherwise always a new object.
 */
#ifndef REFHEAP_BYTES_H
#define REFHEAP_BYTES_H
#include <stddef.h>
#include <stdint.h>

#include "refheap/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- bytes (kind RH_K_BYTES) ---- */
rh_object *rh_bytes_from(rh_runtime *rt, const void *data, size_t n); /* PyBytes_FromStringAndSize(data, n) */
rh_object *rh_bytes_new(rh_runtime *rt, size_t n);  /* PyBytes_FromStringAndSize(NULL, n): zeroed, fill via rh_bytes_wdata */
char *rh_bytes_wdata(rh_object *o);                  /* the writable bytes of a bytes just made by rh_bytes_new */
const char *rh_bytes_data(rh_object *o);             /* bytes or bytearray: their data (NUL-terminated) */
size_t rh_bytes_len(rh_object *o);                   /* bytes or bytearray: their length */
int rh_is_byteslike(rh_object *o);                   /* 1 for bytes and bytearray */
/* b[start:stop:step] with the bounds rh_slice_indices adjusted (bytes_subscript / bytearray_subscript) */
rh_object *rh_bytes_slice(rh_runtime *rt, rh_object *o, int64_t start, int64_t stop, int64_t step);

/* bytes.split / rsplit (right) of a bytes or bytearray s: sep NULL splits at ASCII whitespace; maxsplit < 0
 * has no limit. A new list (preallocated for 12 as stringlib's PREALLOC_SIZE) of pieces of s's type; an
 * exact bytes with nothing split off is the list's only item itself. ValueError "empty separator". */
rh_object *rh_bytes_split(rh_runtime *rt, rh_object *s, const char *sep, size_t seplen, int64_t maxsplit, int right);

/* ---- bytearray (kind RH_K_BYTEARRAY) ---- */
rh_object *rh_bytearray_from(rh_runtime *rt, const void *data, size_t n); /* PyByteArray_FromStringAndSize */
/* PyByteArray_Resize: new length n (the allocation grows as 3.11's); 0, or -1 with MemoryError */
int rh_bytearray_resize(rh_runtime *rt, rh_object *o, size_t n);
char *rh_bytearray_wdata(rh_object *o);              /* writable bytes (NULL while nothing is allocated) */
/* b[start:stop:step] = v (a bytes-like other than b) or del b[start:stop:step] (v NULL), the bounds as
 * rh_slice_indices adjusted them. 0, or -1: MemoryError, or ValueError for an extended slice of another size */
int rh_bytearray_ass_slice(rh_runtime *rt, rh_object *o, int64_t start, int64_t stop, int64_t step, rh_object *v);

/* ---- memoryview (kind RH_K_MEMORYVIEW; t_memoryview.c, CPython 3.11 Objects/memoryobject.c) ----
 * The exporters are bytes, bytearray and array.array (the latter two count their exports and refuse to
 * resize while one is live) and memoryview itself (a view of a view shares its managed buffer).
 * Functions taking a view raise ValueError "operation forbidden on released memoryview object" once it
 * is released, except rh_memoryview_release (idempotent) and rh_memoryview_released. */
/* PyMemoryView_FromObject(obj): a new view, or NULL with TypeError ("memoryview: a bytes-like object is
 * required, not 'int'") */
rh_object *rh_memoryview_new(rh_runtime *rt, rh_object *obj);
/* memoryview.release(): 0, or -1 with BufferError while the view has exports of its own */
int rh_memoryview_release(rh_runtime *rt, rh_object *mv);
int rh_memoryview_released(rh_object *mv);             /* 1 when released (BASE_INACCESSIBLE) */
/* What the attributes read (memory_obj_get ... memory_contiguous): borrowed pointers into the view,
 * valid while it lives and is not released; shape/strides NULL for a cast to 0 dimensions, suboffsets
 * NULL unless the exporter has them. 0, or -1 (released). */
typedef struct rh_memoryview_view {
    rh_object *obj;           /* the exporter (borrowed; NULL for none) */
    const char *buf;
    intptr_t nbytes, itemsize;
    int readonly, ndim;
    const char *format;
    const intptr_t *shape, *strides, *suboffsets;
    int c_contiguous, f_contiguous, contiguous;
} rh_memoryview_view;
int rh_memoryview_info(rh_runtime *rt, rh_object *mv, rh_memoryview_view *out);
/* tobytes(order) (order 'C', 'F' or 'A', checked by the caller): a new bytes */
rh_object *rh_memoryview_tobytes(rh_runtime *rt, rh_object *mv, char order);
/* the view's bytes in order into dst (room for rh_memoryview_nbytes): 0, or -1 when released */
int rh_memoryview_copy(rh_runtime *rt, rh_object *mv, char *dst, char order);
size_t rh_memoryview_nbytes(rh_object *mv);
rh_object *rh_memoryview_tolist(rh_runtime *rt, rh_object *mv);      /* tolist(): a new list (or item) */
/* cast(format[, shape]): format a C string, shape a list or tuple (borrowed) or NULL. A new view. */
rh_object *rh_memoryview_cast(rh_runtime *rt, rh_object *mv, const char *format, rh_object *shape);
rh_object *rh_memoryview_toreadonly(rh_runtime *rt, rh_object *mv);  /* toreadonly(): a new view */
/* PyObject_GetBuffer(o, PyBUF_SIMPLE) as the consumers that only read bytes use it (bytes_concat,
 * bytearray_iconcat, stringlib join): 0 with the data of a bytes, a bytearray or a live C-contiguous
 * memoryview (borrowed: valid while o lives and is not resized or released); -1 when o gives none (no
 * error is set: each caller raises its own TypeError, as CPython's replace the exporter's). */
int rh_buffer_simple(rh_object *o, const char **p, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
