# The differential tester's fixed-seed slice (included from conformance/CMakeLists.txt; label difftest):
#   difftest.<p>   conformance/difftest/difftest.py --profiles <p> -n RH_DIFFTEST_N --seed 1
# runs RH_DIFFTEST_N random programs (conformance/difftest/gen.py) on refheap --profile <p> and on the
# real interpreter of <p> (conformance/profiles/interpreters.tsv, else the same version under pyenv)
# and fails on any difference of stdout or exit status, after writing the shrunk program to
# <build>/conformance/difftest-found/<p>/. An absent interpreter makes the test skip (77), never pass.
# The long campaign is `make difftest` (docs/conformance.md, "The differential tester").

find_program(RH_DT_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT RH_DT_PYTHON3)
  find_program(RH_DT_PYTHON3 NAMES python3)
endif()
set(RH_DIFFTEST_N 250 CACHE STRING "programs per profile in the difftest.* ctest slice")
set(RH_DT_SCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/difftest/difftest.py)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/difftest/KNOWN.md)

foreach(p py27 py310 py311 py312 py313)
  add_test(NAME difftest.${p}
           COMMAND ${RH_DT_PYTHON3} ${RH_DT_SCRIPT} --profiles ${p} -n ${RH_DIFFTEST_N} --seed 1
                   --refheap ${PROJECT_BINARY_DIR}/refheap --found ${CMAKE_CURRENT_BINARY_DIR}/difftest-found
                   --jobs 1 --verbose)
  set_tests_properties(difftest.${p} PROPERTIES LABELS difftest SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()
