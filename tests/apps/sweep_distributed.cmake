# One sampled sweep run three ways must give the same results table (CSV and HDF5) but for wall
# times: -j 2 on this machine; 2 MPI ranks over loopback (mpirun starts zeropark-mpi, rank 0
# merges what the ranks send); and a 2-task Slurm job array, its tasks run one after the other
# (the last one merges). Inputs: CLI, SWEEP, OUT_DIR, MPIEXEC, PYTHON, COMPARE.
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})

function(run_checked label)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${label}:\n${out}${err}")
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${label} failed with ${code}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
endfunction()

run_checked("-j 2" ${CLI} sweep ${SWEEP} -j 2 -o ${OUT_DIR}/local.csv --quiet)

# OpenMPI refuses root unless told; the variables work for any user (CI runs as root).
set(ENV{OMPI_ALLOW_RUN_AS_ROOT} 1)
set(ENV{OMPI_ALLOW_RUN_AS_ROOT_CONFIRM} 1)
run_checked("mpirun -np 2" ${MPIEXEC} --oversubscribe -np 2 ${CLI} sweep ${SWEEP} -o ${OUT_DIR}/mpi.csv --quiet)
if(NOT last_out MATCHES "zeropark-mpi: 2 ranks")
  message(FATAL_ERROR "the sweep did not run through zeropark-mpi on 2 ranks")
endif()
unset(ENV{OMPI_ALLOW_RUN_AS_ROOT})
unset(ENV{OMPI_ALLOW_RUN_AS_ROOT_CONFIRM})

set(ENV{SLURM_ARRAY_TASK_COUNT} 2)
set(ENV{SLURM_ARRAY_TASK_MIN} 0)
set(ENV{SLURM_ARRAY_TASK_ID} 0)
run_checked("Slurm task 0" ${CLI} sweep ${SWEEP} -j 1 -o ${OUT_DIR}/slurm.csv --quiet)
if(EXISTS ${OUT_DIR}/slurm.csv OR NOT last_out MATCHES "still to come")
  message(FATAL_ERROR "the first Slurm task merged before the second ran")
endif()
set(ENV{SLURM_ARRAY_TASK_ID} 1)
run_checked("Slurm task 1" ${CLI} sweep ${SWEEP} -j 1 -o ${OUT_DIR}/slurm.csv --quiet)
unset(ENV{SLURM_ARRAY_TASK_ID})
unset(ENV{SLURM_ARRAY_TASK_COUNT})
unset(ENV{SLURM_ARRAY_TASK_MIN})

run_checked("compare" ${PYTHON} ${COMPARE} ${OUT_DIR}/local.csv ${OUT_DIR}/mpi.csv ${OUT_DIR}/slurm.csv)
