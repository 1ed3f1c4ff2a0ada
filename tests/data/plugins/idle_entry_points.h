/* The entry points a broken test plug-in has but does not care about: no memory, and a decide that
 * leaves every device on its own rule. Included once by each plug-in that needs them. */
#ifndef ZEROPARK_TEST_IDLE_ENTRY_POINTS_H
#define ZEROPARK_TEST_IDLE_ENTRY_POINTS_H

#include "zeropark/zeropark_controller.h"

ZP_CONTROLLER_EXPORT size_t zp_controller_memory_size(const zp_park* park) {
  (void)park;
  return 0;
}

#ifndef ZP_TEST_WITHOUT_DECIDE
ZP_CONTROLLER_EXPORT int zp_controller_decide(const zp_park* park, const zp_observation* observation, double* memory,
                                              size_t memory_size, zp_command* command, char* message,
                                              size_t message_capacity) {
  (void)park;
  (void)observation;
  (void)memory;
  (void)memory_size;
  (void)command;
  (void)message;
  (void)message_capacity;
  return 0;
}
#endif

#endif
