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
