# Runs `CLI run SCENARIO [ARGS]` and passes only if it exits non-zero, its stderr contains EXPECT
# and no trace was left behind. ARGS is a ;-separated list of extra options.
execute_process(COMMAND ${CLI} run ${SCENARIO} -o ${CMAKE_CURRENT_BINARY_DIR}/should_not_exist.h5 --quiet ${ARGS}
                RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(code EQUAL 0)
  message(FATAL_ERROR "expected a failure, got exit 0\n${out}")
endif()
string(FIND "${err}" "${EXPECT}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "stderr lacks '${EXPECT}':\n${err}")
endif()
if(EXISTS ${CMAKE_CURRENT_BINARY_DIR}/should_not_exist.h5)
  message(FATAL_ERROR "a failed run left a trace behind")
endif()
message(STATUS "exit ${code}: ${err}")
