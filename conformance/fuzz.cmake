# Fuzz regression inputs (label fuzz; included from conformance/CMakeLists.txt): every file under
# conformance/fuzz/<target>/ (an input `make fuzz` found, once fixed, or a hand-written hostile input) is
# run through the normal binary the way the fuzz target ran it, by conformance/fuzz/run_repro.sh.
file(GLOB rh_fuzz_inputs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/compile/*
     ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run/* ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/trace/*)
set(RH_FUZZ_LABELS fuzz)
if(REFHEAP_SANITIZE)
  list(APPEND RH_FUZZ_LABELS asan)
endif()
foreach(f ${rh_fuzz_inputs})
  get_filename_component(name ${f} NAME)
  get_filename_component(dir ${f} DIRECTORY)
  get_filename_component(mode ${dir} NAME)
  add_test(NAME fuzz.${mode}.${name}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run_repro.sh ${mode} ${PROJECT_BINARY_DIR}/refheap ${f})
  set_tests_properties(fuzz.${mode}.${name} PROPERTIES LABELS "${RH_FUZZ_LABELS}" TIMEOUT 120)
endforeach()

# Resource limits of `refheap run` (label limits): a program that never ends or grows without bound is
# stopped by --timeout / --max-rss (exit 3, harness/src/limits.c) or gets a MemoryError from --max-heap.
set(RH_LIMIT_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run)
string(REPLACE "fuzz" "limits" RH_LIMIT_LABELS "${RH_FUZZ_LABELS}")
function(rh_limit_case name input code line)
  add_test(NAME limits.${name} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run_repro.sh limit
           ${PROJECT_BINARY_DIR}/refheap ${RH_LIMIT_DIR}/${input} ${code} ${line} ${ARGN})
  set_tests_properties(limits.${name} PROPERTIES LABELS "${RH_LIMIT_LABELS}" TIMEOUT 120)
endfunction()
rh_limit_case(timeout_loop alloc_forever.py 3 "refheap: stopped: running longer than --timeout 1 s" --timeout 1)
rh_limit_case(max_rss_list list_growth_1e8.py 3 "refheap: stopped: resident set size"
              --max-rss 200)
rh_limit_case(max_heap_list list_growth_1e8.py 1 "MemoryError" --max-heap 100)
