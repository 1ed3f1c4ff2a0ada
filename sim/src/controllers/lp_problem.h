// A small linear programme solved with GLPK's simplex: variables with bounds and costs, rows with
// bounds, minimised. Only this wrapper includes glpk.h, so the rest of ZeroPark never sees GLPK's
// C API, and it keeps GLPK silent (GLPK prints to the terminal unless told not to).
//
// Bounds use ±infinity for "none"; a lower bound equal to the upper one fixes a variable (or makes
// a row an equality). Coefficients set twice for the same (row, variable) add up.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

struct glp_prob;  // glpk.h

namespace zeropark {

enum class LpStatus {
  kOptimal,
  kInfeasible,  // no point satisfies every bound and row
  kUnbounded,   // the objective falls without limit
  kFailed,      // the solver gave up (numerical trouble, iteration limit)
};

std::string_view to_string(LpStatus status);

struct LpSolution {
  LpStatus status = LpStatus::kFailed;
  double objective = 0;        // valid when optimal
  std::vector<double> values;  // per variable, in the order added; valid when optimal
  int iterations = 0;          // simplex iterations this solve took
};

class LpProblem {
 public:
  LpProblem();
  ~LpProblem();
  LpProblem(LpProblem&&) noexcept;
  LpProblem& operator=(LpProblem&&) noexcept;
  LpProblem(const LpProblem&) = delete;
  LpProblem& operator=(const LpProblem&) = delete;

  // A new variable lower ≤ x ≤ upper with objective coefficient `cost`; returns its index.
  // Throws std::invalid_argument on NaN, an infinite cost or lower = +inf / upper = −inf.
  int add_variable(double lower, double upper, double cost);
  // A new row lower ≤ Σ a·x ≤ upper (no coefficients yet); returns its index.
  int add_row(double lower, double upper);
  // Adds `coefficient` to the row's entry for the variable. Throws on a bad index or a NaN.
  void add_coefficient(int row, int variable, double coefficient);

  int variables() const { return static_cast<int>(variable_lower_.size()); }
  int rows() const { return static_cast<int>(row_lower_.size()); }

  // Minimises the objective. An empty problem (no variables) is optimal with objective 0.
  LpSolution solve();

 private:
  struct Entry {
    int row, variable;
    double value;
  };
  struct GlpDeleter {
    void operator()(glp_prob* p) const;
  };
  std::vector<double> variable_lower_, variable_upper_, cost_;
  std::vector<double> row_lower_, row_upper_;
  std::vector<Entry> entries_;
  std::unique_ptr<glp_prob, GlpDeleter> glp_;
};

}  // namespace zeropark
