// GLPK behind LpProblem. The problem is kept as plain vectors and loaded into a fresh GLPK problem
// at each solve, so callers can build it in any order and GLPK's own checks (which abort the
// process on a bad argument) can never fire: every index and number is checked here first.
//
// Solver choice: the primal simplex from an advanced initial basis (glp_adv_basis) on an
// automatically scaled problem. GLPK's presolver is left off: without it an infeasible or unbounded
// problem still ends with a definite status (GLP_NOFEAS, GLP_UNBND) instead of a presolver code. A
// singular or ill-conditioned basis is retried once from the standard (all-slack) basis.
#include "controllers/lp_problem.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace zeropark {
namespace {

// GLPK's bound type for [lower, upper] (both already checked: not NaN, lower < +inf, upper > −inf).
int bound_type(double lower, double upper) {
  const bool has_lower = std::isfinite(lower), has_upper = std::isfinite(upper);
  if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
  if (has_lower) return GLP_LO;
  if (has_upper) return GLP_UP;
  return GLP_FR;
}

void check_bounds(double lower, double upper, const char* what) {
  if (std::isnan(lower) || std::isnan(upper) || lower == INFINITY || upper == -INFINITY)
    throw std::invalid_argument(std::string("LpProblem: bad bounds for a ") + what);
}

// Restores GLPK's terminal output setting on scope exit.
class QuietGlpk {
 public:
  QuietGlpk() : previous_(glp_term_out(GLP_OFF)) {}
  ~QuietGlpk() { glp_term_out(previous_); }
  QuietGlpk(const QuietGlpk&) = delete;
  QuietGlpk& operator=(const QuietGlpk&) = delete;

 private:
  int previous_;
};

}  // namespace

std::string_view to_string(LpStatus status) {
  switch (status) {
    case LpStatus::kOptimal:
      return "optimal";
    case LpStatus::kInfeasible:
      return "infeasible";
    case LpStatus::kUnbounded:
      return "unbounded";
    case LpStatus::kFailed:
      return "failed";
  }
  return "failed";
}

void LpProblem::GlpDeleter::operator()(glp_prob* p) const { glp_delete_prob(p); }

LpProblem::LpProblem() = default;
LpProblem::~LpProblem() = default;
LpProblem::LpProblem(LpProblem&&) noexcept = default;
LpProblem& LpProblem::operator=(LpProblem&&) noexcept = default;

int LpProblem::add_variable(double lower, double upper, double cost) {
  check_bounds(lower, upper, "variable");
  if (!std::isfinite(cost)) throw std::invalid_argument("LpProblem: a variable's cost must be finite");
  variable_lower_.push_back(lower);
  variable_upper_.push_back(upper);
  cost_.push_back(cost);
  return variables() - 1;
}

int LpProblem::add_row(double lower, double upper) {
  check_bounds(lower, upper, "row");
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  return rows() - 1;
}

void LpProblem::add_coefficient(int row, int variable, double coefficient) {
  if (row < 0 || row >= rows() || variable < 0 || variable >= variables())
    throw std::out_of_range("LpProblem: coefficient outside the problem");
  if (!std::isfinite(coefficient)) throw std::invalid_argument("LpProblem: a coefficient must be finite");
  entries_.push_back({row, variable, coefficient});
}

LpSolution LpProblem::solve() {
  LpSolution solution;
  const auto ended = [&solution](LpStatus status) {
    solution.status = status;
    return solution;
  };
  const int n = variables(), m = rows();
  // Crossed bounds make the problem infeasible; GLPK would reject them as arguments.
  for (int j = 0; j < n; ++j)
    if (variable_lower_[j] > variable_upper_[j]) return ended(LpStatus::kInfeasible);
  for (int i = 0; i < m; ++i)
    if (row_lower_[i] > row_upper_[i]) return ended(LpStatus::kInfeasible);
  if (n == 0) {
    for (int i = 0; i < m; ++i)
      if (row_lower_[i] > 0 || row_upper_[i] < 0) return ended(LpStatus::kInfeasible);
    return ended(LpStatus::kOptimal);
  }

  const QuietGlpk quiet;
  if (!glp_) glp_.reset(glp_create_prob());
  glp_prob* p = glp_.get();
  glp_erase_prob(p);
  glp_set_obj_dir(p, GLP_MIN);
  glp_add_cols(p, n);
  for (int j = 0; j < n; ++j) {
    glp_set_col_bnds(p, j + 1, bound_type(variable_lower_[j], variable_upper_[j]), variable_lower_[j],
                     variable_upper_[j]);
    glp_set_obj_coef(p, j + 1, cost_[j]);
  }
  if (m > 0) glp_add_rows(p, m);
  for (int i = 0; i < m; ++i)
    glp_set_row_bnds(p, i + 1, bound_type(row_lower_[i], row_upper_[i]), row_lower_[i], row_upper_[i]);
  // GLPK's arrays are 1-based: element 0 is unused.
  std::vector<int> ia(entries_.size() + 1), ja(entries_.size() + 1);
  std::vector<double> ar(entries_.size() + 1);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    ia[k + 1] = entries_[k].row + 1;
    ja[k + 1] = entries_[k].variable + 1;
    ar[k + 1] = entries_[k].value;
  }
  // glp_load_matrix refuses duplicate (row, column) pairs: sum them first.
  if (!entries_.empty()) {
    std::vector<std::size_t> order(entries_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return entries_[a].row != entries_[b].row ? entries_[a].row < entries_[b].row
                                                : entries_[a].variable < entries_[b].variable;
    });
    std::size_t ne = 0;
    for (std::size_t k : order) {
      const Entry& e = entries_[k];
      if (ne > 0 && ia[ne] == e.row + 1 && ja[ne] == e.variable + 1) {
        ar[ne] += e.value;
      } else {
        ++ne;
        ia[ne] = e.row + 1;
        ja[ne] = e.variable + 1;
        ar[ne] = e.value;
      }
    }
    glp_load_matrix(p, static_cast<int>(ne), ia.data(), ja.data(), ar.data());
  }

  glp_scale_prob(p, GLP_SF_AUTO);
  glp_adv_basis(p, 0);
  glp_smcp parameters;
  glp_init_smcp(&parameters);
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.presolve = GLP_OFF;
  const int iterations_before = glp_get_it_cnt(p);
  int code = glp_simplex(p, &parameters);
  if (code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND) {
    glp_std_basis(p);
    code = glp_simplex(p, &parameters);
  }
  solution.iterations = glp_get_it_cnt(p) - iterations_before;
  if (code != 0) return solution;  // kFailed
  switch (glp_get_status(p)) {
    case GLP_OPT:
      solution.status = LpStatus::kOptimal;
      break;
    case GLP_NOFEAS:
      solution.status = LpStatus::kInfeasible;
      return solution;
    case GLP_UNBND:
      solution.status = LpStatus::kUnbounded;
      return solution;
    default:
      return solution;
  }
  solution.objective = glp_get_obj_val(p);
  solution.values.resize(static_cast<std::size_t>(n));
  for (int j = 0; j < n; ++j) solution.values[j] = glp_get_col_prim(p, j + 1);
  return solution;
}

}  // namespace zeropark
