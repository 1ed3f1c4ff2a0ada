// The economics section, compiled: the asset classes' costs as the KPIs use them.
#pragma once

#include "zeropark/economics.h"
#include "zeropark/spec.h"

namespace zeropark {

EconomicsModel compile_economics(const EconomicsSpec& spec);

}  // namespace zeropark
