# Renders zeropark-view headless under Xvfb and checks what it drew: it must say it drew the
# park's components and lines, and the PNG must show a picture, not an empty window. Sets
# VIEW_OUT and VIEW_ERR (the program's stdout and stderr) in the caller's scope.
#   render_and_check(INPUT FRAMES [more options...]) with XVFB_RUN, VIEW, OUT, COMPONENTS, LINES and
#   PYTHON_SCRIPT defined by the calling script's -D options.
function(render_and_check input frames)
  file(REMOVE ${OUT})
  execute_process(
    COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${VIEW} ${input} --frames ${frames} --speed 0 --screenshot ${OUT} ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "zeropark-view exited with ${rc}:\n${out}\n${err}")
  endif()
  if(NOT out MATCHES "zeropark-view: drew ${COMPONENTS} components, ${LINES} lines at tick [0-9]+")
    message(FATAL_ERROR "expected ${COMPONENTS} components and ${LINES} lines drawn, got:\n${out}")
  endif()
  execute_process(COMMAND /usr/bin/python3 ${PYTHON_SCRIPT} ${OUT} RESULT_VARIABLE check_rc OUTPUT_VARIABLE check_out
                  ERROR_VARIABLE check_err)
  if(NOT check_rc EQUAL 0)
    message(FATAL_ERROR "the screenshot looks wrong:\n${check_out}\n${check_err}")
  endif()
  set(VIEW_OUT "${out}${check_out}" PARENT_SCOPE)
  set(VIEW_ERR "${err}" PARENT_SCOPE)
endfunction()
