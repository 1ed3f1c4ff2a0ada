/* zeropark_controller.h: the C ABI of ZeroPark's controller plug-ins.
 *
 * A plug-in is a shared library that exports the five functions declared at the end of this
 * header. The scenario names it by path (`simulation.controller_plugin`); ZeroPark loads it with
 * dlopen, checks zp_controller_abi_version() first, then calls zp_controller_decide() at every
 * decision event in place of a built-in controller. docs/plugins.md is the full reference.
 *
 * The host owns every pointer it passes, and each is valid only during the call that receives it.
 * A plug-in keeps no state of its own: what it must remember between decisions goes in the memory
 * the host keeps for it (zp_controller_memory_size doubles, stored in the park's state, so forks
 * and checkpoints carry it). It must be deterministic: the same park, observation and memory give
 * the same command and memory, bit for bit, with no clocks, files, threads or global random
 * numbers. Build it with -ffp-contract=off to keep floating point identical across compilers.
 *
 * Units are in the names (kw, kwh, kg, cny, _s). Signs follow ZeroPark's convention: positive
 * power flows into the bus (a battery's + set-point discharges it, a − one charges it).
 *
 * Plain C99; it compiles as C++ too. Build a plug-in with, for example:
 *   gcc -std=c99 -O2 -fPIC -shared -fvisibility=hidden -ffp-contract=off \
 *       -I ZEROPARK/sim/include my_controller.c -o libmy_controller.so
 */
#ifndef ZEROPARK_CONTROLLER_H
#define ZEROPARK_CONTROLLER_H

#include <stddef.h>
#include <stdint.h>

/* The ABI this header describes. Any change that would misread an older plug-in (a field moved,
 * resized or removed, a signature changed) increments it, and the host loads only plug-ins built
 * for its own version. Fields may be appended to zp_park, zp_observation and zp_command without a
 * new version: their struct_size tells a plug-in which fields the host filled (ZP_HAS_FIELD). */
#define ZEROPARK_CONTROLLER_ABI_VERSION 1

/* Marks the five entry points as exported even under -fvisibility=hidden. */
#if defined(_WIN32)
#define ZP_CONTROLLER_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define ZP_CONTROLLER_EXPORT __attribute__((visibility("default")))
#else
#define ZP_CONTROLLER_EXPORT
#endif

/* Whether a struct the host passed is long enough to hold `field` (appended in a later release). */
#define ZP_HAS_FIELD(pointer, type, field) \
  (offsetof(type, field) + sizeof(((const type*)0)->field) <= (pointer)->struct_size)

#ifdef __cplusplus
extern "C" {
#endif

/* ---- What the plug-in declares ------------------------------------------------------------ */

/* One tunable number, set in the scenario's `controller_settings` map (absent keys take their
 * default). The key ends with its unit, like every scenario key: target_import_kw. A valid
 * setting has a non-empty key, min <= default_value <= max, and a key no other setting uses. */
typedef struct zp_setting {
  const char* key;
  double default_value;
  double min;
  double max;
  const char* description; /* one sentence; NULL reads as "" */
} zp_setting;

/* ---- The park: static, the same at every call of one run ----------------------------------- */

/* A battery, or a heat (cold) tank as an energy store with unit efficiencies. The store's SOC
 * window is [energy_min_kwh, energy_max_kwh]; the plant never takes it outside. */
typedef struct zp_storage {
  double capacity_kwh;
  double max_charge_kw;    /* at the bus */
  double max_discharge_kw; /* at the bus */
  double charge_efficiency;
  double discharge_efficiency;
  double energy_min_kwh; /* soc_min × capacity */
  double energy_max_kwh; /* soc_max × capacity */
} zp_storage;

/* A group of identical charge points. */
typedef struct zp_ev_group {
  int32_t count;         /* charge points */
  int32_t bidirectional; /* 1: V2G points (they can give power back), 0: charging only */
  double max_power_kw;   /* one point's, at the bus */
  double efficiency;     /* energy into the car / energy from the bus */
} zp_ev_group;

/* A hydrogen tank. */
typedef struct zp_h2_tank {
  double capacity_kg;
  double min_kg; /* the heel, which cannot be delivered */
} zp_h2_tank;

/* A local standard time (no daylight saving). */
typedef struct zp_civil_time {
  int32_t year;
  int32_t month; /* 1..12 */
  int32_t day;   /* 1..31 */
  int32_t hour;  /* 0..23 */
  int32_t minute;
  int32_t second;
} zp_civil_time;

/* A stretch of a time-of-use tariff's day: from start_s (seconds after local midnight) to the
 * next segment's start, or to midnight for a season's last one. */
typedef struct zp_tariff_segment {
  int32_t start_s;
  int32_t period; /* index into zp_park.tariff_period_names */
  double price_cny_per_kwh;
} zp_tariff_segment;

/* The park as its controller sees it. Arrays hold one entry per device, in the scenario's order
 * (the same order as the observation's and the command's arrays); a count of 0 may come with a
 * NULL pointer. */
typedef struct zp_park {
  size_t struct_size; /* sizeof(zp_park) in the host's build: see ZP_HAS_FIELD */
  const char* name;   /* the scenario's `name` */

  /* Time. Tick t is the local time start + t seconds. */
  zp_civil_time start;
  int64_t end_tick; /* the run covers ticks [0, end_tick) */
  int64_t resolution_s;
  int64_t decision_interval_s; /* decisions come at ticks 0, interval, 2·interval, … */

  /* The plug-in's settings' values, in the order zp_controller_settings declared them. */
  const double* setting_values;
  size_t setting_count;

  /* Flexible devices: what the command's set-points act on. */
  const zp_storage* batteries;
  size_t battery_count;
  const zp_storage* thermal_storages; /* heat or cold tanks */
  size_t thermal_storage_count;
  const zp_ev_group* ev_groups;
  size_t ev_group_count;
  const double* electrolyser_rated_kw; /* electric input at rated load */
  size_t electrolyser_count;
  const double* fuel_cell_rated_kw; /* net electric output at rated load */
  size_t fuel_cell_count;
  const zp_h2_tank* h2_tanks;
  size_t h2_tank_count;

  /* The grid connection. Limits may be INFINITY (none); an export limit of 0 forbids export. */
  double grid_import_limit_kw;
  double grid_export_limit_kw;

  /* The tariff. A day's prices come from its month's season: season s covers segments
   * tariff_segments[tariff_season_first_segment[s]] up to, not including,
   * tariff_segments[tariff_season_first_segment[s + 1]] (tariff_season_count + 1 entries). */
  const char* const* tariff_period_names;
  size_t tariff_period_count;
  int32_t tariff_season_of_month[12]; /* month 1..12 at index 0..11 → season */
  const zp_tariff_segment* tariff_segments;
  size_t tariff_segment_count;
  const size_t* tariff_season_first_segment;
  size_t tariff_season_count;
  double export_price_cny_per_kwh;
  double demand_charge_cny_per_kw_month; /* on the month's highest import over demand_window_s */
  int64_t demand_window_s;

  /* The grid's carbon intensity through a 365-day typical year, one value an hour (8760);
   * zp_observation.typical_year_hour indexes it. */
  const double* carbon_kg_per_kwh_hourly;
  size_t carbon_hour_count;
} zp_park;

/* ---- What the plug-in sees at a decision ----------------------------------------------------- */

/* The measurements at the decision's tick. Every array has its own count, which equals the number
 * of such devices in the park (an array the host does not measure has count 0). */
typedef struct zp_observation {
  size_t struct_size; /* sizeof(zp_observation) in the host's build */
  int64_t tick;       /* seconds since the run's start */
  zp_civil_time local_time;
  int32_t typical_year_hour; /* 0..8759: index into zp_park.carbon_kg_per_kwh_hourly */
  int32_t tariff_period;     /* index into zp_park.tariff_period_names */
  double price_cny_per_kwh;  /* import price now */
  double carbon_kg_per_kwh;  /* grid carbon intensity now */
  /* What the park needs from storage and the grid, kW: demand of loads, data centres, heat pumps,
   * electrolysers and charging-only EV groups, minus PV, wind, PV/thermal and fuel cells. Loads
   * and generation are those of the coming segment; heat pumps', electrolysers' and cars' demands
   * are those of the last one (the plant has not dispatched the coming one yet). */
  double net_demand_kw;
  double grid_kw; /* the last segment's exchange: + import, − export */

  const double* pv_available_kw; /* per PV array */
  size_t pv_available_kw_count;
  const double* load_demand_kw; /* per load */
  size_t load_demand_kw_count;
  const double* battery_energy_kwh; /* per battery */
  size_t battery_energy_kwh_count;
  const double* thermal_storage_energy_kwh; /* per heat (cold) tank */
  size_t thermal_storage_energy_kwh_count;
  const double* h2_tank_level_kg; /* per hydrogen tank */
  size_t h2_tank_level_kg_count;
  const double* heat_bus_demand_kw; /* per heat bus: heat (or cooling) asked for, last segment */
  size_t heat_bus_demand_kw_count;

  /* Per EV group, for the cars plugged in now: */
  const double* ev_plugged; /* cars */
  size_t ev_plugged_count;
  const double* ev_energy_needed_kwh; /* what they still lack for their departures */
  size_t ev_energy_needed_kwh_count;
  const double* ev_charge_limit_kw; /* most they can draw now, at the bus */
  size_t ev_charge_limit_kw_count;
  const double* ev_forced_kw; /* what cars that must charge flat out to leave on time draw */
  size_t ev_forced_kw_count;
  const double* ev_v2g_limit_kw; /* most they can give back now (V2G points) */
  size_t ev_v2g_limit_kw_count;
} zp_observation;

/* ---- What it returns ------------------------------------------------------------------------- */

/* Set-points, written into arrays the host allocated (one entry per device, counts as in the
 * park). Before each call the host fills them with each device's own rule: 0 for batteries (idle)
 * and NaN for the rest (tanks follow the heat balance, EV groups charge their cars at once,
 * electrolysers follow their refill rule, fuel cells stay off). A plug-in overwrites the entries it
 * decides; a NaN battery set-point also means idle. They hold until the next decision; the plant
 * enforces every limit (power ratings, SOC windows, cars' departures, the network). */
typedef struct zp_command {
  size_t struct_size;          /* sizeof(zp_command) in the host's build */
  double* battery_setpoint_kw; /* + discharge into the bus, − charge from it */
  size_t battery_count;
  double* thermal_storage_setpoint_kw; /* + discharge into the heat bus, − charge */
  size_t thermal_storage_count;
  double* ev_setpoint_kw; /* per group: + V2G, − charging */
  size_t ev_group_count;
  double* electrolyser_setpoint_kw; /* electric kW drawn */
  size_t electrolyser_count;
  double* fuel_cell_setpoint_kw; /* electric kW delivered */
  size_t fuel_cell_count;
} zp_command;

/* ---- The entry points a plug-in exports --------------------------------------------------- */

/* Returns ZEROPARK_CONTROLLER_ABI_VERSION as the plug-in saw it when compiled. Called first; the
 * host calls nothing else when it differs from its own. */
ZP_CONTROLLER_EXPORT uint32_t zp_controller_abi_version(void);

/* The controller's name (non-empty, static storage), as reports and traces show it. */
ZP_CONTROLLER_EXPORT const char* zp_controller_name(void);

/* Its settings: writes their number to *count and returns an array of that many (static storage;
 * NULL when there are none). Called once, when the plug-in is loaded. */
ZP_CONTROLLER_EXPORT const zp_setting* zp_controller_settings(size_t* count);

/* How many doubles of memory it needs for this park (0: none). The host zero-fills them at the
 * run's start and passes them to every zp_controller_decide of the run. */
ZP_CONTROLLER_EXPORT size_t zp_controller_memory_size(const zp_park* park);

/* Decides: reads the park and the observation, reads and updates its memory (memory_size doubles,
 * at least what zp_controller_memory_size asked for; maybe NULL when 0), writes set-points.
 * Returns 0 on success. On failure it returns non-zero after writing a NUL-terminated message of
 * at most message_capacity bytes into `message`; the host stops the run and reports it. */
ZP_CONTROLLER_EXPORT int zp_controller_decide(const zp_park* park, const zp_observation* observation, double* memory,
                                              size_t memory_size, zp_command* command, char* message,
                                              size_t message_capacity);

/* The entry points' types, for hosts that look them up with dlsym. */
typedef uint32_t (*zp_controller_abi_version_fn)(void);
typedef const char* (*zp_controller_name_fn)(void);
typedef const zp_setting* (*zp_controller_settings_fn)(size_t* count);
typedef size_t (*zp_controller_memory_size_fn)(const zp_park* park);
typedef int (*zp_controller_decide_fn)(const zp_park* park, const zp_observation* observation, double* memory,
                                       size_t memory_size, zp_command* command, char* message, size_t message_capacity);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ZEROPARK_CONTROLLER_H */
