/* test_bytesio.c — _io.BytesIO's buffer rules per profile (reference/src/t_bytesio.c; CPython 3.11 and 2.7
 * Modules/_io/bytesio.c: resize_buffer, write_bytes, unshare_buffer, _io_BytesIO_getvalue_impl, read_bytes,
 * bytesio_sizeof). The sizes are sys.getsizeof as measured on CPython 3.11.2 and 2.7.18
 * (conformance/cases/io/io_06_bytesio_sizes.py and its py27 recording); the py27 profile cannot run that
 * case (it cannot import io), so its rules are pinned here.
 */
#include "internal.h"
#include "refheap/bytes.h"
#include "refheap/modtypes.h"
#include "rh_test.h"
#include "rh_fixtures.h"

/* sys.getsizeof after each of 40 one-byte writes: 3.x 80 + the buffer bytes (33 + alloc) */
static const size_t one_byte_py3[40] = {
    115, 115, 117, 117, 119, 119, 121, 121, 129, 129, 129, 129, 129, 129, 129, 129, 138, 138, 138, 138,
    138, 138, 138, 138, 138, 148, 148, 148, 148, 148, 148, 148, 148, 148, 148, 159, 159, 159, 159, 159};

static void one_byte_writes(const char *profile, size_t offset) {
    rh_runtime *rt = rh_fx_runtime(profile);
    uint64_t l0 = live(rt);
    rh_object *b = rh_bytesio_new(rt, NULL);
    RH_CHECK(b != NULL);
    RH_CHECK(rh__gc_is_tracked(b));
    for (int i = 0; i < 40; i++) {
        RH_CHECK_EQ_I(rh_bytesio_write(rt, b, "x", 1), 0);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), one_byte_py3[i] - offset);
    }
    rh_decref(rt, b);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* 2.7: 64 + 32-byte GC head + buf_size, the same allocations without the bytes object's 33: 98, 98, 100 ... */
RH_TEST(growth_follows_resize_buffer_in_3_11_and_2_7) {
    one_byte_writes("py311", 0);
    one_byte_writes("py27", 17);
}

/* mixed writes, then truncate: 3.11 [117, 124, 144, 155, 196, 196, 397] / 250 397 100 214 10 124;
 * 2.7 [100, 107, 127, 138, 179, 179, 380] / 250 380 100 197 10 107 */
static void mixed(const char *profile, const size_t *want, size_t empty) {
    rh_runtime *rt = rh_fx_runtime(profile);
    rh_object *b = rh_bytesio_new(rt, NULL);
    static const size_t ns[7] = {3, 7, 20, 2, 50, 1, 200};
    char data[200];
    memset(data, 'w', sizeof data);
    RH_CHECK_EQ_U(rh_sizeof(rt, b), empty);
    for (int i = 0; i < 7; i++) {
        RH_CHECK_EQ_I(rh_bytesio_write(rt, b, data, ns[i]), 0);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), want[i]);
    }
    int64_t out;
    static const int64_t cuts[3] = {250, 100, 10};
    for (int i = 0; i < 3; i++) {
        RH_CHECK_EQ_I(rh_bytesio_truncate(rt, b, cuts[i], &out), 0);
        RH_CHECK_EQ_I(out, cuts[i]);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), want[7 + i]);
    }
    rh_bytesio_close(rt, b);
    RH_CHECK(rh_bytesio_closed(b));
    RH_CHECK_EQ_U(rh_sizeof(rt, b), empty);
    RH_CHECK(rh_bytesio_read(rt, b, -1) == NULL);
    rh_err_clear(rt);
    rh_decref(rt, b);
    rh_runtime_free(rt);
}

RH_TEST(mixed_writes_and_truncate_per_profile) {
    static const size_t py3[10] = {117, 124, 144, 155, 196, 196, 397, 397, 214, 124};
    static const size_t py2[10] = {100, 107, 127, 138, 179, 179, 380, 380, 197, 107};
    mixed("py311", py3, 80);
    mixed("py27", py2, 96);
    mixed("py313", py3, 80);
}

/* 3.x shares the initial bytes (getvalue and a whole read return it, getsizeof leaves it out) until a write
 * copies it; 2.7 copies at construction (137 = 96 + 41) and hands out copies */
RH_TEST(initial_value_is_shared_in_3_x_and_copied_in_2_7) {
    char data[40];
    for (int i = 0; i < 40; i++) data[i] = (char)('A' + i);
    for (int py2 = 0; py2 < 2; py2++) {
        rh_runtime *rt = rh_fx_runtime(py2 ? "py27" : "py311");
        uint64_t l0 = live(rt);
        rh_object *init = rh_bytes_from(rt, data, 40), *b = rh_bytesio_new(rt, init);
        RH_CHECK_EQ_I(init->refcnt, py2 ? 1 : 2);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), py2 ? 137 : 80);
        rh_object *v = rh_bytesio_getvalue(rt, b), *r = rh_bytesio_read(rt, b, -1);
        RH_CHECK((v == init) == !py2);
        RH_CHECK((r == init) == !py2);
        RH_CHECK(memcmp(rh_bytes_data(v), data, 40) == 0);
        rh_decref(rt, v);
        rh_decref(rt, r);
        int64_t pos;
        RH_CHECK_EQ_I(rh_bytesio_seek(rt, b, 0, 0, &pos), 0);
        RH_CHECK_EQ_I(rh_bytesio_write(rt, b, "ab", 2), 0);
        RH_CHECK_EQ_I(init->refcnt, 1);
        RH_CHECK(memcmp(rh_bytes_data(init), "AB", 2) == 0);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), py2 ? 137 : 153); /* 3.x: unshare_buffer(41): 80 + 33 + 40 */
        v = rh_bytesio_getvalue(rt, b);
        RH_CHECK(memcmp(rh_bytes_data(v), "abCD", 4) == 0);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), py2 ? 137 : 80); /* 3.x: the buffer, cut to 40, is v */
        rh_decref(rt, v);
        RH_CHECK_EQ_U(rh_sizeof(rt, b), py2 ? 137 : 153);
        rh_decref(rt, b);
        rh_decref(rt, init);
        RH_CHECK_EQ_U(live(rt), l0);
        rh_runtime_free(rt);
    }
}

/* seek: whence 1/2 relative, clamped at 0; errors as bytesio.c's */
RH_TEST(seek_whence_and_errors) {
    rh_runtime *rt = rh_fx_runtime("py311");
    rh_object *b = rh_bytesio_new(rt, NULL);
    int64_t pos;
    RH_CHECK_EQ_I(rh_bytesio_write(rt, b, "hello", 5), 0);
    RH_CHECK_EQ_I(rh_bytesio_seek(rt, b, -2, 2, &pos), 0);
    RH_CHECK_EQ_I(pos, 3);
    RH_CHECK_EQ_I(rh_bytesio_seek(rt, b, -10, 1, &pos), 0);
    RH_CHECK_EQ_I(pos, 0);
    RH_CHECK_EQ_I(rh_bytesio_seek(rt, b, -1, 0, &pos), -1);
    RH_CHECK_STR(rh_err_message(rt), "negative seek value -1");
    rh_err_clear(rt);
    RH_CHECK_EQ_I(rh_bytesio_seek(rt, b, 0, 3, &pos), -1);
    RH_CHECK_STR(rh_err_message(rt), "invalid whence (3, should be 0, 1 or 2)");
    rh_err_clear(rt);
    rh_decref(rt, b);
    rh_runtime_free(rt);
}

/* a write that cannot grow the buffer raises MemoryError and leaves no object behind */
RH_TEST(allocation_failure_in_write) {
    for (uint64_t allowed = 0; allowed < 12; allowed++) {
        rh_runtime *rt = rh_fx_runtime_failing_after(NULL, UINT64_MAX);
        uint64_t l0 = live(rt);
        rh_fx_fail_after(allowed);
        rh_object *b = rh_bytesio_new(rt, NULL);
        for (int i = 0; b && i < 6; i++)
            if (rh_bytesio_write(rt, b, "0123456789abcdef", 16)) break;
        if (rh_err_occurred(rt)) RH_CHECK(rh_err_occurred(rt) == RH_EXC_MEMORY);
        rh_err_clear(rt);
        rh_fx_fail_after(UINT64_MAX);
        rh_xdecref(rt, b);
        RH_CHECK_EQ_U(live(rt), l0);
        rh_runtime_free(rt);
    }
}

RH_TEST_MAIN()
