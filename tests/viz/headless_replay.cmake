# Records a short trace with the CLI, then replays it headless under Xvfb: the view must draw the
# park's components and lines from the trace (render_and_check.cmake) and reach its end.
#   -DCLI= -DXVFB_RUN= -DVIEW= -DSCENARIO= -DEND= -DTRACE= -DOUT= -DCOMPONENTS= -DLINES= -DPYTHON_SCRIPT=
include(${CMAKE_CURRENT_LIST_DIR}/render_and_check.cmake)
file(REMOVE ${TRACE})
execute_process(COMMAND ${CLI} run ${SCENARIO} --end ${END} --no-baseline --quiet -o ${TRACE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0 OR NOT EXISTS ${TRACE})
  message(FATAL_ERROR "zeropark run exited with ${rc}:\n${out}\n${err}")
endif()
# A name without .h5: the view must recognise the trace by its HDF5 signature.
configure_file(${TRACE} ${TRACE}.recorded COPYONLY)
render_and_check(${TRACE}.recorded 60)
if(NOT VIEW_ERR MATCHES "replay [0-9]+ of [0-9]+ rows \\(trace complete\\)")
  message(FATAL_ERROR "the replay did not reach the trace's end in 60 frames at full speed:\n${VIEW_ERR}")
endif()
message(STATUS "${VIEW_OUT}${VIEW_ERR}")
