# refheap record / replay (label record; docs/record-replay.md). conformance/record/check_replay.py drives:
#   record.record_small            record small_program.py on Debian's python3 (fixture for the others)
#   record.replay.<allocator>      replay it on every allocator; under pymalloc (profile py311, the
#                                  recording interpreter's) and cpython model_check.matches must be true
#   record.replay.pymalloc_py27    the same trace under 2.7's pymalloc (4 KiB pools, 256 KiB arenas, 8-byte
#                                  alignment): matches false, differences listed
#   record.replay.whatif_*         what-if settings run (arena size, pool size, glibc options)
#   record.whatif_effect.*         each what-if setting changes what it should, against a replay without it
#   record.bad_trace.<kind>        damaged traces: exit 2 and "FILE: offset N: ..."
#   record.script_status           a failing program's status comes back from `refheap record`
#   record.script_fails.<kind>     an exception, a syntax error, a missing script, os._exit(): the program's
#                                  status and message; os._exit() leaves a truncated trace, said so
#   record.shim_path               PYTHONPATH=$(refheap shim-path) python3 imports the refheap shim
#   record.python312               --python with pyenv's 3.12 (launcher built against its libpython; skipped
#                                  when absent)
set(RH_REC_CHECK ${CMAKE_CURRENT_SOURCE_DIR}/record/check_replay.py)
set(RH_REC_BIN ${PROJECT_BINARY_DIR}/refheap)
set(RH_REC_TRACE ${CMAKE_CURRENT_BINARY_DIR}/record_small.trace)
set(RH_REC_LABELS record)
if(REFHEAP_SANITIZE)
  list(APPEND RH_REC_LABELS asan)
endif()

function(rh_record_test name)
  add_test(NAME record.${name} COMMAND /usr/bin/python3 ${RH_REC_CHECK} ${RH_REC_BIN} ${ARGN})
  set_tests_properties(record.${name} PROPERTIES LABELS "${RH_REC_LABELS}" SKIP_RETURN_CODE ${RH_SKIP_CODE}
                       TIMEOUT 300)
  if(NOT name STREQUAL "record_small")
    set_tests_properties(record.${name} PROPERTIES FIXTURES_REQUIRED rh_record_trace)
  endif()
endfunction()

rh_record_test(record_small record ${RH_REC_TRACE})
set_tests_properties(record.record_small PROPERTIES FIXTURES_SETUP rh_record_trace)
foreach(alloc pymalloc cpython)
  rh_record_test(replay.${alloc} replay ${RH_REC_TRACE} ${alloc} --expect-match yes)
endforeach()
foreach(alloc malloc mimalloc jemalloc tcmalloc)
  rh_record_test(replay.${alloc} replay ${RH_REC_TRACE} ${alloc})
endforeach()
if(TARGET rh_example_plugin)
  rh_record_test(replay.plugin replay ${RH_REC_TRACE} $<TARGET_FILE:rh_example_plugin>)
endif()
rh_record_test(replay.pymalloc_py27 replay ${RH_REC_TRACE} pymalloc --profile py27 --expect-match no)
rh_record_test(replay.whatif_arena_256k replay ${RH_REC_TRACE} pymalloc --set arena_size=256K --expect-match no)
rh_record_test(replay.whatif_pool_4k replay ${RH_REC_TRACE} pymalloc --set pool_size=4K --set keep_empty_arena=0)
rh_record_test(replay.whatif_glibc replay ${RH_REC_TRACE} malloc --set MALLOC_TRIM_THRESHOLD_=0
               --set MALLOC_ARENA_MAX=1 --set MALLOC_MMAP_THRESHOLD_=65536 --set trim_after_full_gc=1)
rh_record_test(replay.whatif_hugepages replay ${RH_REC_TRACE} pymalloc --set PYTHON_PYMALLOC_HUGEPAGES=1)
# each what-if setting takes effect (docs/record-replay.md's table): TRACE ALLOC SETTING EFFECT
foreach(case
    "arena_256k;pymalloc;arena_size=256K;model:arena_size=262144"
    "pool_4k;pymalloc;pool_size=4K;model:pool_size=4096"
    "keep_no_empty_arena;pymalloc;keep_empty_arena=0;more:allocator_stats.arenas_reclaimed"
    "hugepages;pymalloc;PYTHON_PYMALLOC_HUGEPAGES=1;hugepages"
    "trim_after_full_gc;malloc;trim_after_full_gc=1;more:trims"
    "jemalloc_decay;jemalloc;MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0;more:released"
    "mimalloc_reset;mimalloc;MIMALLOC_RESET_DELAY=0;more:released"
    "tcmalloc_decommit;tcmalloc;TCMALLOC_AGGRESSIVE_DECOMMIT=1;more:released")
  list(GET case 0 name)
  list(SUBLIST case 1 3 args)
  rh_record_test(whatif_effect.${name} whatif ${RH_REC_TRACE} ${args})
endforeach()
foreach(kind truncated corrupt version older junk empty)
  rh_record_test(bad_trace.${kind} bad-trace ${kind} ${RH_REC_TRACE})
endforeach()
rh_record_test(script_status script-status 7)
set_tests_properties(record.script_status PROPERTIES FIXTURES_REQUIRED "")
foreach(kind exception syntax missing os_exit)
  rh_record_test(script_fails.${kind} script-fails ${kind})
  set_tests_properties(record.script_fails.${kind} PROPERTIES FIXTURES_REQUIRED "")
endforeach()
rh_record_test(shim_path shim-path)
set_tests_properties(record.shim_path PROPERTIES FIXTURES_REQUIRED "")

# another interpreter: a launcher compiled against pyenv's 3.12 libpython, model_check under py312
set(RH_REC_PY312 "$ENV{HOME}/.pyenv/versions/3.12.1/bin/python")
if(EXISTS ${RH_REC_PY312})
  rh_record_test(python312 other-python ${RH_REC_PY312} py312)
  set_tests_properties(record.python312 PROPERTIES FIXTURES_REQUIRED "")
endif()
