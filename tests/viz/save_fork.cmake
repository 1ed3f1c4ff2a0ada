# Saves a fork headless (--what-if EDIT --save-fork FILE, no window) and runs the saved scenario
# with the CLI from another folder: its input paths must resolve wherever the file went.
#   -DVIEW= -DCLI= -DSCENARIO= -DEDIT= -DOUT=
file(REMOVE ${OUT})
execute_process(COMMAND ${VIEW} ${SCENARIO} --what-if ${EDIT} --save-fork ${OUT}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zeropark-view --save-fork exited with ${rc}:\n${out}\n${err}")
endif()
file(READ ${OUT} saved)
if(NOT saved MATCHES "name: [a-z_]+_fork")
  message(FATAL_ERROR "the saved fork is not named <name>_fork:\n${saved}")
endif()
get_filename_component(folder ${OUT} DIRECTORY)
execute_process(COMMAND ${CLI} run ${OUT} --end 2023-01-03T00:00 WORKING_DIRECTORY ${folder}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zeropark run on the saved fork exited with ${rc}:\n${out}\n${err}")
endif()
message(STATUS "saved and ran ${OUT}")
