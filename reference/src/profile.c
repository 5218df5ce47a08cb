/* profile.c — the built-in version profiles as data (every value with the CPython source it comes from:
 * docs/profiles.md; docs/design.md §Profiles). */
#include <string.h>

#include "refheap/profile.h"

#define PY3_POOLS                                                                       \
    .alignment = 16, .small_request_threshold = 512, .pool_size = 16384, .arena_size = 1048576, \
    .pool_overhead = 48, .keep_one_empty_arena = 1

#define PY3_FREELISTS                                                                   \
    .float_freelist = 100, .tuple_freelist_sizes = 20, .tuple_freelist_per_size = 2000,  \
    .list_freelist = 80, .dict_freelist = 80, .dictkeys_freelist = 80

/* The built-in types that already have subclasses when the interpreter has started (site imported), measured
 * per version: a first `class X(T): pass` after gc.collect() counts the same as a second one. Static subtypes
 * (bool, the exception hierarchy), encodings.CodecRegistryError(SystemError), functools._HashedSeq(list) and
 * enum.StrEnum(str) in 3.11, importlib's _List(list) in 3.12+, weakref.KeyedRef, _CallableGenericAlias. */
#define PY3_SUBCLASSED \
    " object dict int tuple type classmethod staticmethod property weakref.ReferenceType types.GenericAlias" \
    " BaseException Exception ArithmeticError LookupError ValueError UnicodeError RuntimeError NameError" \
    " ImportError SyntaxError IndentationError OSError ConnectionError SystemError Warning "

static const rh_profile profiles[] = {
    {
        .name = "py311", .sys_version = "3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]", .hexversion = 0x030B02F0, .sys_platform = "linux", .default_encoding = "utf-8",
        .python_version = "3.11", .version_hex = 0x030B, PY3_POOLS, .sre_magic = 20220615,
        .gc_head_size = 16, .weakref_size = 64, .managed_dict = 1, .str_ascii_header = 48, .str_compact_header = 72, .str_ascii_iterator = 1,
        .dict_unicode_keys = 1, .int_zero_has_digit = 1, PY3_FREELISTS, .slice_cache = 1, .tuple_freelist_pop_max = 19,
        .list_extend_exact = 1, .str_split_short_single = 1, .small_int_min = -5, .small_int_max = 256, .static_refcnt = 999999999,
        .gc_threshold = {700, 10, 10}, .gc_trigger_at_alloc = 1, .trashcan_unwind_level = 50, .call_args_stolen = 1, .quicken_delay = 8,
        .exc_base_size = 72, .exc_extra_words = {0, 1, 1, 1, 2, 3, 5, 8, 2}, .exc_subclass_extra = 8, .frame_obj_base = 120, .gen_base = 152, .gen_frame_inline = 1,
        .print_args_tuple = 1, .str_int_args_tuple = 1, .varargs_find_minmax = 1, .kwparser_lazy_tuple = 1, .call_unpacks_bound_method = 1,
        .enumerate_size = 56, .range_iter_size = 48, .iter_result_retrack = 1, .enumerate_vectorcall = 1,
        .subclasses_clear_empty = 1, .subclassed_at_start = PY3_SUBCLASSED "list str BaseExceptionGroup ", .mro_merge_list = 1,
    },
    {
        .name = "py312", .sys_version = "3.12.1 (main, May  9 2026, 07:36:11) [GCC 12.2.0]", .hexversion = 0x030C01F0, .sys_platform = "linux", .default_encoding = "utf-8",
        .python_version = "3.12", .version_hex = 0x030C, PY3_POOLS, .sre_magic = 20221023,
        .gc_head_size = 16, .weakref_size = 64, .managed_dict = 1, .managed_dict_varsize = 1, .managed_weakref = 1, .str_ascii_header = 40, .str_compact_header = 56, .str_ascii_iterator = 1,
        .dict_unicode_keys = 1, .int_zero_has_digit = 1, PY3_FREELISTS, .slice_cache = 1, .slice_hashable = 1, .tuple_freelist_pop_max = 20, .list_pop_clears = 1,
        .list_extend_exact = 1, .str_split_short_single = 1, .small_int_min = -5, .small_int_max = 256, .static_refcnt = 0xFFFFFFFFll,
        .interned_immortal = 1, .gc_threshold = {700, 10, 10}, .trashcan_unwind_level = 50, .call_args_stolen = 1, .site_warmup = 1,
        .call_ex_inline = 1,
        .exc_base_size = 72, .exc_extra_words = {0, 1, 1, 1, 2, 4, 5, 8, 2}, .exc_subclass_extra = 16, .frame_obj_base = 120, .gen_base = 144, .gen_frame_inline = 1, .gen_min_stack = 2, .gen_close_skips_unstarted = 1,
        .print_args_tuple = 1, .str_int_args_tuple = 1, .varargs_find_minmax = 1, .call_unpacks_bound_method = 1,
        .enumerate_size = 56, .range_iter_size = 40, .iter_result_retrack = 1, .enumerate_vectorcall = 1,
        .str_split_prealloc_by_length = 1, .odict_repr_dict = 1,
        .subclasses_clear_empty = 1, .subclassed_at_start = PY3_SUBCLASSED "list BaseExceptionGroup ", .mro_merge_list = 1,
    },
    {
        .name = "py313", .sys_version = "3.13.0 (main, May  9 2026, 07:36:57) [GCC 12.2.0]", .hexversion = 0x030D00F0, .sys_platform = "linux", .default_encoding = "utf-8",
        .python_version = "3.13", .version_hex = 0x030D, PY3_POOLS, .sre_magic = 20230612,
        .gc_head_size = 16, .weakref_size = 64, .managed_dict = 1, .managed_dict_varsize = 1, .managed_weakref = 1, .str_ascii_header = 40, .str_compact_header = 56, .str_ascii_iterator = 1,
        .dict_unicode_keys = 1, .int_zero_has_digit = 1, PY3_FREELISTS, .slice_cache = 1, .slice_hashable = 1, .tuple_freelist_pop_max = 20, .list_pop_clears = 1,
        .list_extend_exact = 1, .str_split_short_single = 1, .small_int_min = -5, .small_int_max = 256, .static_refcnt = 0xFFFFFFFFll,
        .gc_threshold = {2000, 10, 10}, .trashcan_unwind_level = 50, .call_args_stolen = 1, .weakref_clear_tuple = 1, .site_warmup = 1, .call_alloc_enter_init = 1,
        .call_ex_inline = 1,
        .exc_base_size = 72, .exc_extra_words = {0, 1, 1, 1, 2, 4, 5, 8, 2}, .exc_subclass_extra = 16, .frame_obj_base = 136, .gen_base = 144, .gen_frame_inline = 1, .gen_min_stack = 2, .gen_close_skips_unstarted = 1,
        .print_args_tuple = 1, .call_unpacks_bound_method = 1,
        .odict_repr_dict = 1,
        .enumerate_size = 56, .range_iter_size = 40, .iter_result_retrack = 1, .enumerate_vectorcall = 1,
        .list_extend_dict_resizes = 1, .str_split_prealloc_by_length = 1,
        .subclasses_clear_empty = 1, .subclassed_at_start = PY3_SUBCLASSED "list BaseExceptionGroup ", .mro_merge_list = 1,
    },
    {
        .name = "py310", .sys_version = "3.10.13 (main, May  9 2026, 07:34:36) [GCC 12.2.0]", .hexversion = 0x030A0DF0, .sys_platform = "linux", .default_encoding = "utf-8",
        .python_version = "3.10", .version_hex = 0x030A, PY3_POOLS, .sre_magic = 20171005,
        .gc_head_size = 16, .weakref_size = 56, .managed_dict = 0, .str_ascii_header = 48, .str_compact_header = 72,
        .dictkeys_extra_header = 8, .int_zero_has_digit = 0, PY3_FREELISTS, .slice_cache = 1, .tuple_freelist_pop_max = 19,
        .list_extend_exact = 1, .list_append_resizes = 1, .str_split_short_single = 1, .small_int_min = -5, .small_int_max = 256, .static_refcnt = 1,
        .gc_threshold = {700, 10, 10}, .gc_trigger_at_alloc = 1, .trashcan_unwind_level = 50,
        .exc_base_size = 64, .exc_extra_words = {0, 1, 1, 1, 2, 3, 5, 8, 0}, .exc_subclass_extra = 8, .frame_obj_base = 352, .frame_per_call = 1, .gen_base = 88, .coro_extra = 8,
        .str_int_args_tuple = 1, .varargs_find_minmax = 1, .kwparser_lazy_tuple = 1,
        .enumerate_size = 48, .range_iter_size = 48, .iter_result_retrack = 1, .delattr_missing_name_only = 1, .compare_guarded = 1,
        .subclassed_at_start = PY3_SUBCLASSED, .mro_merge_list = 1, .super_args_tuple = 1,
    },
    {
        .name = "py27", .sys_version = "2.7.18 (default, May  9 2026, 07:29:50) \n[GCC 12.2.0]", .hexversion = 0x020712F0, .sys_platform = "linux2", .default_encoding = "ascii",
        .python_version = "2.7", .version_hex = 0x0207,
        .alignment = 8, .small_request_threshold = 512, .pool_size = 4096, .arena_size = 262144,
        .pool_overhead = 48, .keep_one_empty_arena = 0, .pymem_is_raw = 1,
        .gc_head_size = 32, .weakref_size = 56, .managed_dict = 0, .str_ascii_header = 36, .str_compact_header = 72,
        .dict_smalltable = 8, .str_hash_py27 = 1,
        .int_zero_has_digit = 1, PY3_FREELISTS, .tuple_freelist_pop_max = 19,
        .int_block_size = 1000, .float_block_size = 1000, .list_growth_py27 = 1, .list_append_resizes = 1,
        .small_int_min = -5, .small_int_max = 256, .static_refcnt = 1,
        .gc_threshold = {700, 10, 10}, .legacy_finalizers = 1, .gc_trigger_at_alloc = 1, .gc_keeps_container_freelists = 1,
        .python2 = 1, .range_returns_list = 1, .float_str_digits = 12, .trashcan_unwind_level = 50, .del_frame_in_trashcan = 1,
        .exc_base_size = 40, .exc_extra_words = {0, 1, 0, 0, 0, 0, 3, 6, 0}, .exc_subclass_extra = 8, .frame_obj_base = 376, .frame_per_call = 1, .frame_track_new = 1, .gen_base = 48,
        .method_freelist = 256, .cfunc_freelist = 256, .call_unpacks_bound_method = 1,
        .startup_freelists = 1, .repr_pieces = 1, .compile_list_pool = 7, .compile_dict_pool = 14, .startup_list_freelist = 4, .startup_dict_freelist = 2,
        .print_args_tuple = 1, .str_int_args_tuple = 1, .varargs_find_minmax = 1,
        .set_table_py27 = 1, .enumerate_size = 48, .range_iter_size = 48, .iter_builtins_return_lists = 1,
        .subclasses_list = 1, .super_args_tuple = 1,
        .subclassed_at_start = " object dict int tuple type property weakref BaseException Exception StandardError"
                               " ArithmeticError LookupError ValueError UnicodeError RuntimeError NameError ImportError"
                               " SyntaxError IndentationError EnvironmentError IOError SystemError Warning ",
    },
};

static const char *const names[] = {"py311", "py312", "py313", "py310", "py27", NULL};

const rh_profile *rh_profile_get(const char *name) {
    if (!name) return &profiles[0];
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        if (strcmp(profiles[i].name, name) == 0) return &profiles[i];
    return NULL;
}

const char *const *rh_profile_names(void) { return names; }
