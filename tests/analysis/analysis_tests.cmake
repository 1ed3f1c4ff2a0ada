# The Python analysis package (analysis/zeropark_analysis), tested with Debian's /usr/bin/python3
# on traces the built zeropark makes first: a month of the default park and a month of the
# Shenzhen building (PV, battery, EV chargers with V2G). Included from tests/CMakeLists.txt.
set(ZEROPARK_ANALYSIS_OUT ${CMAKE_CURRENT_BINARY_DIR}/analysis)
file(MAKE_DIRECTORY ${ZEROPARK_ANALYSIS_OUT})
set(ZEROPARK_ANALYSIS_BAOSHAN ${ZEROPARK_ANALYSIS_OUT}/baoshan_january.h5)
set(ZEROPARK_ANALYSIS_SHENZHEN ${ZEROPARK_ANALYSIS_OUT}/shenzhen_january.h5)

add_test(NAME analysis.make_baoshan_month_trace
  COMMAND zeropark run ${PROJECT_SOURCE_DIR}/scenarios/baoshan_carbon_zero_park.yaml
          --end 2023-02-01 -o ${ZEROPARK_ANALYSIS_BAOSHAN} --quiet)
add_test(NAME analysis.make_shenzhen_month_trace
  COMMAND zeropark run ${PROJECT_SOURCE_DIR}/scenarios/shenzhen_futian_power_building.yaml
          --end 2023-02-01 -o ${ZEROPARK_ANALYSIS_SHENZHEN} --quiet)
# A real sweep (2 battery sizes × 2 controllers, January): its CSV and, beside it, its HDF5 file.
set(ZEROPARK_ANALYSIS_SWEEP ${ZEROPARK_ANALYSIS_OUT}/baoshan_2x2_january.csv)
add_test(NAME analysis.make_sweep_results
  COMMAND zeropark sweep ${CMAKE_CURRENT_SOURCE_DIR}/data/sweeps/baoshan_2x2_january.yaml -j 1
          -o ${ZEROPARK_ANALYSIS_SWEEP} --quiet)
set_tests_properties(analysis.make_baoshan_month_trace analysis.make_shenzhen_month_trace
  analysis.make_sweep_results PROPERTIES FIXTURES_SETUP zeropark_analysis_traces)

# Where the package and the test helpers are, which traces and sweep results to test, and a
# matplotlib cache inside the build tree (a CI home may not be writable).
set(ZEROPARK_ANALYSIS_ENV
  "PYTHONPATH=${PROJECT_SOURCE_DIR}/analysis:${CMAKE_CURRENT_SOURCE_DIR}/analysis"
  "ZEROPARK_ANALYSIS_TRACES=${ZEROPARK_ANALYSIS_BAOSHAN}:${ZEROPARK_ANALYSIS_SHENZHEN}"
  "ZEROPARK_ANALYSIS_SWEEP=${ZEROPARK_ANALYSIS_SWEEP}"
  "MPLCONFIGDIR=${ZEROPARK_ANALYSIS_OUT}/matplotlib")

# One ctest test per module's test file (tests/analysis/<module>_test.py).
foreach(module trace kpis attribution carbon report sweep main)
  add_test(NAME analysis.${module}
    COMMAND /usr/bin/python3 -m unittest -v ${module}_test
    WORKING_DIRECTORY ${ZEROPARK_ANALYSIS_OUT})
  set_tests_properties(analysis.${module} PROPERTIES
    FIXTURES_REQUIRED zeropark_analysis_traces
    ENVIRONMENT "${ZEROPARK_ANALYSIS_ENV}")
endforeach()
