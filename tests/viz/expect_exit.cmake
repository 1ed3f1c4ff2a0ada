# Runs `VIEW ARGS` and passes only if it exits with EXIT and its stderr contains EXPECT.
#   -DVIEW= -DARGS= (a ;-separated list) -DEXIT= -DEXPECT=
execute_process(COMMAND ${VIEW} ${ARGS} RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_VARIABLE out TIMEOUT 60)
if(NOT code EQUAL EXIT)
  message(FATAL_ERROR "expected exit ${EXIT}, got ${code}\n${out}\n${err}")
endif()
string(FIND "${err}" "${EXPECT}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "stderr lacks '${EXPECT}':\n${err}")
endif()
message(STATUS "exit ${code}: ${err}")
