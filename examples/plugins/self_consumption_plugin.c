/* self_consumption_plugin: ZeroPark's built-in self_consumption controller, as a plug-in.
 *
 * Batteries and V2G charger groups charge from the park's surplus and discharge to cover its
 * deficit (the observation's net_demand_kw), sharing the work in proportion to their power ratings
 * (a battery's discharge or charge limit, a V2G group's count × max_power_kw); the grid covers the
 * rest. Other EV groups keep their own rule (NaN: charge at once). Heat tanks, electrolysers and
 * fuel cells are left to theirs too. It is blind to prices and carbon, has no settings and keeps
 * no memory.
 *
 * It performs the same floating-point operations in the same order as
 * sim/src/controllers/self_consumption.cc, so a run with it and a run with the built-in give
 * identical KPIs: the test of the ABI carrying everything that controller needs.
 *
 * Build outside ZeroPark's tree (see README.md):
 *   gcc -std=c99 -O2 -fPIC -shared -fvisibility=hidden -ffp-contract=off \
 *       -I ZEROPARK/sim/include self_consumption_plugin.c -o libself_consumption_plugin.so
 */
#include "zeropark/zeropark_controller.h"

ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void) { return ZEROPARK_CONTROLLER_ABI_VERSION; }

ZP_CONTROLLER_EXPORT const char* zp_controller_name(void) { return "self_consumption_plugin"; }

ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count) {
  *count = 0;
  return NULL;
}

ZP_CONTROLLER_EXPORT size_t zp_controller_memory_size(const zp_park* park) {
  (void)park;
  return 0;
}

/* What a V2G group can do at most, at the bus, by its nameplate; 0 for charging-only groups. */
static double v2g_rating_kw(const zp_ev_group* group) {
  return group->bidirectional ? (double)group->count * group->max_power_kw : 0.0;
}

ZP_CONTROLLER_EXPORT int zp_controller_decide(const zp_park* park, const zp_observation* observation, double* memory,
                                              size_t memory_size, zp_command* command, char* message,
                                              size_t message_capacity) {
  (void)memory;
  (void)memory_size;
  (void)message;
  (void)message_capacity;
  const double deficit_kw = observation->net_demand_kw; /* > 0: discharge, < 0: charge */
  double rating_kw = 0;
  size_t i;
  for (i = 0; i < park->battery_count; ++i)
    rating_kw += deficit_kw > 0 ? park->batteries[i].max_discharge_kw : park->batteries[i].max_charge_kw;
  for (i = 0; i < park->ev_group_count; ++i) rating_kw += v2g_rating_kw(&park->ev_groups[i]);
  /* The host has already set every battery to 0 (idle) and every EV group to NaN (charge at once). */
  if (rating_kw <= 0) return 0;
  for (i = 0; i < park->battery_count && i < command->battery_count; ++i) {
    const double own_kw = deficit_kw > 0 ? park->batteries[i].max_discharge_kw : park->batteries[i].max_charge_kw;
    const double share = own_kw / rating_kw;
    command->battery_setpoint_kw[i] = deficit_kw * share;
  }
  for (i = 0; i < park->ev_group_count && i < command->ev_group_count; ++i)
    if (park->ev_groups[i].bidirectional)
      command->ev_setpoint_kw[i] = deficit_kw * v2g_rating_kw(&park->ev_groups[i]) / rating_kw;
  return 0;
}
