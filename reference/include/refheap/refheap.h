/* refheap/refheap.h — the whole public API of librefheap. */
#ifndef REFHEAP_REFHEAP_H
#define REFHEAP_REFHEAP_H
#define REFHEAP_VERSION "0.1.0"
#include "refheap/alloc.h"
#include "refheap/profile.h"
#include "refheap/object.h"
#include "refheap/runtime.h"
#include "refheap/types.h"
#include "refheap/abstract.h"
#include "refheap/stats.h"
#include "refheap/gc.h"
#include "refheap/func.h"
#include "refheap/exc.h"
#include "refheap/gen.h"
#include "refheap/itertools.h"
#include "refheap/modtypes.h"
#include "refheap/bytes.h"
#endif
