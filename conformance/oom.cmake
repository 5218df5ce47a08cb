# Allocation failure at every allocation (label oom; included from conformance/CMakeLists.txt).
#   oom.<group>.<id>   conformance/oom_sweep.py over cases/<group>/<id>.py: `refheap run --fail-alloc N`
#                      for a sample of N (every N up to 25, then 15 geometric points up to 10^5; under
#                      ASan 4 and 4, see oom_sweep.py) must end
#                      in a clean MemoryError or the correct result, never a crash, sanitizer report or leak.
# The full sweep (every N up to 2000, then 500 evenly spaced points up to the program's total) is
# `make oom` (OOM_ARGS=--full), outside ctest because the big cases take minutes each.
set(RH_OOM_DRIVER ${CMAKE_CURRENT_SOURCE_DIR}/oom_sweep.py)
set(RH_OOM_ARGS "" CACHE STRING "extra arguments of oom_sweep.py for the oom cases (make oom: --full)")
set(RH_OOM_LABELS oom)
set(RH_OOM_FLAGS ${RH_OOM_ARGS})
if(REFHEAP_SANITIZE)
  list(APPEND RH_OOM_LABELS asan)
  list(APPEND RH_OOM_FLAGS --sanitize)
endif()
foreach(py ${rh_wl_cases})   # the workload cases, globbed by workloads.cmake
  get_filename_component(id ${py} NAME_WE)
  get_filename_component(dir ${py} DIRECTORY)
  get_filename_component(group ${dir} NAME)
  set(exit_code 0)
  if(DEFINED RH_WL_EXIT_${id})
    set(exit_code ${RH_WL_EXIT_${id}})
  endif()
  add_test(NAME oom.${group}.${id}
           COMMAND /usr/bin/python3 ${RH_OOM_DRIVER} ${RH_WL_BIN} ${py} ${dir}/${id}.expected ${exit_code}
                   ${RH_OOM_FLAGS})
  set_tests_properties(oom.${group}.${id} PROPERTIES LABELS "${RH_OOM_LABELS}" SKIP_RETURN_CODE 77
                       TIMEOUT 3600)
endforeach()
