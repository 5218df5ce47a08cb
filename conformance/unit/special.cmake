# special.cmake — unit suites that need more than "one executable, no arguments" (included by
# conformance/CMakeLists.txt before the generic glob; every suite listed in RH_SPECIAL_SUITES is
# registered here and skipped by the glob).
#
# allocator.<name>.<case>: test_allocator_contract.c run against every allocator (label "allocator").
#   pymalloc, malloc, mimalloc, cpython: created in-process (mimalloc and libpython via dlopen RTLD_LOCAL).
#   jemalloc, tcmalloc: the test process is started with LD_PRELOAD=<library>. Not in an ASan build (ASan's
#     runtime must be the process's malloc): there they are registered without the preload and exit 77
#     (skipped) with the reason, as they do when the library was not found at configure time.
#   plugin: the example plug-in examples/plugin/bump_plugin.c, loaded by path.
#   failinject: the fault-injection decorator (armed with nothing) over pymalloc.
# plugin_loading.<case>: test_plugin_loading.c with the example plug-in and the fixture plug-ins below.

list(APPEND RH_SPECIAL_SUITES test_allocator_contract test_plugin_loading)

set(_rh_contract_src ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_allocator_contract.c)
# Cases that need pymalloc-style arena figures or the per-class table apply only to pymalloc and cpython;
# trim applies only to allocators that have one. They are not registered where they do not apply.
set(_rh_arena_cases stats_arenas_released_when_empty class_table_matches_cpython_obmalloc)
rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
              PREFIX allocator.pymalloc ARGS pymalloc LABELS allocator)
rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
              PREFIX allocator.cpython ARGS cpython LABELS allocator
              EXCLUDE trim_returns_zero_and_keeps_live_blocks)
foreach(_rh_alloc malloc mimalloc)
  rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
                PREFIX allocator.${_rh_alloc} ARGS ${_rh_alloc} LABELS allocator EXCLUDE ${_rh_arena_cases})
endforeach()
foreach(_rh_alloc jemalloc tcmalloc)
  string(TOUPPER ${_rh_alloc} _rh_up)
  set(_rh_so "${${_rh_up}_SO}")
  if(_rh_so AND NOT REFHEAP_SANITIZE)
    rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
                  PREFIX allocator.${_rh_alloc} ARGS ${_rh_alloc} ENV LD_PRELOAD=${_rh_so} LABELS allocator
                  EXCLUDE ${_rh_arena_cases})
  else()
    rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
                  PREFIX allocator.${_rh_alloc} ARGS ${_rh_alloc} LABELS allocator EXCLUDE ${_rh_arena_cases})
  endif()
endforeach()
if(TARGET rh_example_plugin)
  rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
                PREFIX allocator.plugin ARGS $<TARGET_FILE:rh_example_plugin> LABELS allocator
                EXCLUDE ${_rh_arena_cases})
  add_dependencies(test_allocator_contract rh_example_plugin)
endif()
rh_unit_suite(allocator_contract ${_rh_contract_src} TARGET test_allocator_contract
              PREFIX allocator.failinject ARGS failinject:pymalloc LABELS allocator
              EXCLUDE class_table_matches_cpython_obmalloc)

# Fixture plug-ins, each broken in one way (unit/plugin_fixture.c, selected by FIXTURE_<KIND>).
set(_rh_fixtures nosym refuse abi small nofree)
foreach(_rh_kind ${_rh_fixtures})
  add_library(rh_fixture_plugin_${_rh_kind} MODULE ${CMAKE_CURRENT_SOURCE_DIR}/unit/plugin_fixture.c)
  string(TOUPPER ${_rh_kind} _rh_up)
  target_compile_definitions(rh_fixture_plugin_${_rh_kind} PRIVATE FIXTURE_${_rh_up})
  target_include_directories(rh_fixture_plugin_${_rh_kind} PRIVATE ${PROJECT_SOURCE_DIR}/reference/include)
  set_target_properties(rh_fixture_plugin_${_rh_kind} PROPERTIES PREFIX "")
endforeach()
if(TARGET rh_example_plugin)
  rh_unit_suite(plugin_loading ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_plugin_loading.c
                TARGET test_plugin_loading
                ARGS $<TARGET_FILE:rh_example_plugin> $<TARGET_FILE_DIR:rh_fixture_plugin_abi>)
  add_dependencies(test_plugin_loading rh_example_plugin)
  foreach(_rh_kind ${_rh_fixtures})
    add_dependencies(test_plugin_loading rh_fixture_plugin_${_rh_kind})
  endforeach()
endif()
