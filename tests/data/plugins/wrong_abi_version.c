/* A broken plug-in for tests/controllers/plugin_controller_test.cc: it claims an ABI version one
 * past the host's, as a plug-in built against a newer header would, so loading it must fail
 * saying which version it found and which one was expected. */
#include "zeropark/zeropark_controller.h"

ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void) { return ZEROPARK_CONTROLLER_ABI_VERSION + 1; }

ZP_CONTROLLER_EXPORT const char* zp_controller_name(void) { return "wrong_abi_version"; }

ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count) {
  *count = 0;
  return NULL;
}

ZP_CONTROLLER_EXPORT size_t zp_controller_memory_size(const zp_park* park) {
  (void)park;
  return 0;
}

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
