/* A plug-in for tests/controllers/plugin_controller_test.cc that reports what it was given, so
 * the test can check every part of the ABI arrives intact: settings' values, the park's devices,
 * the tariff tables, the carbon series, local time, memory and the error path.
 *
 * Settings: gain (default 2, 0..10), fail_above_kw (default 1e9, 0..1e12).
 * Memory: 4 + battery_count doubles:
 *   [0] decisions so far (the memory is the host's: it persists between calls)
 *   [1] the gain setting's value
 *   [2] the import price the plug-in finds in the park's tariff tables for the observation's local time
 *   [3] the carbon series' value at the observation's typical-year hour
 *   [4 + i] battery i's room to its SOC window's top: energy_max_kwh − observed energy
 * Command: battery i: gain × capacity_kwh (NaN when gain is 0); EV group g: ± count × max_power_kw (+ for V2G groups);
 * everything else left at the host's defaults.
 * It fails (returns 3) when net_demand_kw exceeds fail_above_kw. */
#include <math.h>
#include <stdio.h>

#include "zeropark/zeropark_controller.h"

ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void) { return ZEROPARK_CONTROLLER_ABI_VERSION; }

ZP_CONTROLLER_EXPORT const char* zp_controller_name(void) { return "probe"; }

static const zp_setting kSettings[] = {
    {"gain", 2.0, 0.0, 10.0, "Scales the battery set-points."},
    {"fail_above_kw", 1e9, 0.0, 1e12, "Net demand above which decide reports an error."},
};

ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count) {
  *count = sizeof kSettings / sizeof kSettings[0];
  return kSettings;
}

ZP_CONTROLLER_EXPORT size_t zp_controller_memory_size(const zp_park* park) { return 4 + park->battery_count; }

/* The import price at a local time, from the park's season and segment tables. */
static double tariff_price(const zp_park* park, const zp_civil_time* t) {
  const size_t season = (size_t)park->tariff_season_of_month[t->month - 1];
  const int32_t second_of_day = t->hour * 3600 + t->minute * 60 + t->second;
  double price = -1;
  size_t k;
  for (k = park->tariff_season_first_segment[season]; k < park->tariff_season_first_segment[season + 1]; ++k)
    if (park->tariff_segments[k].start_s <= second_of_day) price = park->tariff_segments[k].price_cny_per_kwh;
  return price;
}

ZP_CONTROLLER_EXPORT int zp_controller_decide(const zp_park* park, const zp_observation* observation, double* memory,
                                              size_t memory_size, zp_command* command, char* message,
                                              size_t message_capacity) {
  const double gain = park->setting_values[0];
  const double fail_above_kw = park->setting_values[1];
  size_t i;
  if (observation->net_demand_kw > fail_above_kw) {
    snprintf(message, message_capacity, "net demand %g kW is above fail_above_kw %g", observation->net_demand_kw,
             fail_above_kw);
    return 3;
  }
  if (memory_size < 4 + park->battery_count) {
    snprintf(message, message_capacity, "memory too small");
    return 1;
  }
  memory[0] += 1;
  memory[1] = gain;
  memory[2] = tariff_price(park, &observation->local_time);
  memory[3] = park->carbon_kg_per_kwh_hourly[observation->typical_year_hour];
  for (i = 0; i < park->battery_count && i < observation->battery_energy_kwh_count; ++i)
    memory[4 + i] = park->batteries[i].energy_max_kwh - observation->battery_energy_kwh[i];
  /* A gain of 0 writes NaN, which the host must read as idle. */
  for (i = 0; i < command->battery_count; ++i)
    command->battery_setpoint_kw[i] = gain > 0 ? gain * park->batteries[i].capacity_kwh : NAN;
  for (i = 0; i < command->ev_group_count; ++i) {
    const double nameplate_kw = (double)park->ev_groups[i].count * park->ev_groups[i].max_power_kw;
    command->ev_setpoint_kw[i] = park->ev_groups[i].bidirectional ? nameplate_kw : -nameplate_kw;
  }
  return 0;
}
