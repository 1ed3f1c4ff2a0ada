// LpProblem: GLPK's simplex behind a small wrapper, on programmes whose optimum is known by hand.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <limits>

#include "controllers/lp_problem.h"

using namespace zeropark;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("lp_problem finds the textbook vertex of a two-variable programme", "[lp]") {
  // max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  0 ≤ x ≤ 3,  y ≥ 0: the vertex x = 3, y = 1, value 11.
  LpProblem lp;
  const int x = lp.add_variable(0, 3, -3);
  const int y = lp.add_variable(0, kInf, -2);
  const int r1 = lp.add_row(-kInf, 4);
  lp.add_coefficient(r1, x, 1);
  lp.add_coefficient(r1, y, 1);
  const int r2 = lp.add_row(-kInf, 6);
  lp.add_coefficient(r2, x, 1);
  lp.add_coefficient(r2, y, 3);
  const LpSolution s = lp.solve();
  REQUIRE(s.status == LpStatus::kOptimal);
  CHECK(s.objective == Approx(-11).margin(1e-9));
  CHECK(s.values[x] == Approx(3).margin(1e-9));
  CHECK(s.values[y] == Approx(1).margin(1e-9));
  CHECK(s.iterations >= 1);
}

TEST_CASE("lp_problem handles equality rows, lower-bounded rows and free variables", "[lp]") {
  // min 2x + 3y  s.t.  x + y ≥ 10,  x − y ≤ 2,  x, y ≥ 0: the vertex x = 6, y = 4, value 24.
  LpProblem a;
  const int x = a.add_variable(0, kInf, 2);
  const int y = a.add_variable(0, kInf, 3);
  const int r1 = a.add_row(10, kInf);
  a.add_coefficient(r1, x, 1);
  a.add_coefficient(r1, y, 1);
  const int r2 = a.add_row(-kInf, 2);
  a.add_coefficient(r2, x, 1);
  a.add_coefficient(r2, y, -1);
  const LpSolution sa = a.solve();
  REQUIRE(sa.status == LpStatus::kOptimal);
  CHECK(sa.objective == Approx(24));
  CHECK(sa.values[x] == Approx(6));

  // min t  s.t.  t ≥ u − 3,  t ≥ 1 − u, u and t free: the minimum of max(u − 3, 1 − u) is −1 at u = 2.
  LpProblem b;
  const int u = b.add_variable(-kInf, kInf, 0);
  const int t = b.add_variable(-kInf, kInf, 1);
  const int c1 = b.add_row(-3, kInf);  // t − u ≥ −3
  b.add_coefficient(c1, t, 1);
  b.add_coefficient(c1, u, -1);
  const int c2 = b.add_row(1, kInf);  // t + u ≥ 1
  b.add_coefficient(c2, t, 1);
  b.add_coefficient(c2, u, 1);
  const LpSolution sb = b.solve();
  REQUIRE(sb.status == LpStatus::kOptimal);
  CHECK(sb.objective == Approx(-1).margin(1e-9));
  CHECK(sb.values[u] == Approx(2).margin(1e-9));

  // An equality fixes a sum: min x1 + 2 x2 + 3 x3 with x1 + x2 + x3 = 5 and x1 ≤ 2 puts 2 on x1, 3 on x2.
  LpProblem c;
  const int x1 = c.add_variable(0, 2, 1), x2 = c.add_variable(0, kInf, 2), x3 = c.add_variable(0, kInf, 3);
  const int sum = c.add_row(5, 5);
  for (int v : {x1, x2, x3}) c.add_coefficient(sum, v, 1);
  const LpSolution sc = c.solve();
  REQUIRE(sc.status == LpStatus::kOptimal);
  CHECK(sc.objective == Approx(8));
  CHECK(sc.values[x2] == Approx(3));
}

TEST_CASE("lp_problem solves a transportation problem to its known optimum", "[lp]") {
  // Two plants (supply 20, 30) and three customers (demand 10, 25, 15), cost per unit:
  //   plant 1: 8 6 10    plant 2: 9 12 13
  // Plant 1's 20 go where it saves most against plant 2 (customer 2: 6 vs 12): 20 to customer 2, and
  // plant 2 ships 10, 5, 15: 20·6 + 10·9 + 5·12 + 15·13 = 465.
  const double cost[2][3] = {{8, 6, 10}, {9, 12, 13}};
  const double supply[2] = {20, 30}, demand[3] = {10, 25, 15};
  LpProblem lp;
  int x[2][3];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) x[i][j] = lp.add_variable(0, kInf, cost[i][j]);
  for (int i = 0; i < 2; ++i) {
    const int row = lp.add_row(-kInf, supply[i]);
    for (int j = 0; j < 3; ++j) lp.add_coefficient(row, x[i][j], 1);
  }
  for (int j = 0; j < 3; ++j) {
    const int row = lp.add_row(demand[j], demand[j]);
    for (int i = 0; i < 2; ++i) lp.add_coefficient(row, x[i][j], 1);
  }
  const LpSolution s = lp.solve();
  REQUIRE(s.status == LpStatus::kOptimal);
  CHECK(s.objective == Approx(465));
  CHECK(s.values[x[0][1]] == Approx(20));
  // Solving again gives the same answer (the GLPK problem is rebuilt from the same data).
  const LpSolution again = lp.solve();
  REQUIRE(again.status == LpStatus::kOptimal);
  CHECK(again.objective == s.objective);
  CHECK(again.values == s.values);
}

TEST_CASE("lp_problem reports infeasible and unbounded programmes", "[lp]") {
  LpProblem infeasible;
  const int x = infeasible.add_variable(0, kInf, 1);
  const int r1 = infeasible.add_row(5, kInf);
  infeasible.add_coefficient(r1, x, 1);
  const int r2 = infeasible.add_row(-kInf, 3);
  infeasible.add_coefficient(r2, x, 1);
  CHECK(infeasible.solve().status == LpStatus::kInfeasible);

  LpProblem crossed;
  crossed.add_variable(2, 1, 0);
  CHECK(crossed.solve().status == LpStatus::kInfeasible);

  LpProblem unbounded;
  const int y = unbounded.add_variable(0, kInf, -1);
  const int r = unbounded.add_row(0, kInf);
  unbounded.add_coefficient(r, y, 1);
  CHECK(unbounded.solve().status == LpStatus::kUnbounded);

  CHECK(LpProblem().solve().status == LpStatus::kOptimal);
  CHECK(to_string(LpStatus::kInfeasible) == "infeasible");
}

TEST_CASE("lp_problem adds repeated coefficients and rejects bad input", "[lp]") {
  // min −x with 0.5x + 0.5x ≤ 3: the two halves make one coefficient of 1, so x = 3.
  LpProblem lp;
  const int x = lp.add_variable(0, kInf, -1);
  const int row = lp.add_row(-kInf, 3);
  lp.add_coefficient(row, x, 0.5);
  lp.add_coefficient(row, x, 0.5);
  const LpSolution s = lp.solve();
  REQUIRE(s.status == LpStatus::kOptimal);
  CHECK(s.values[x] == Approx(3));
  CHECK_THROWS_AS(lp.add_coefficient(row, 7, 1.0), std::out_of_range);
  CHECK_THROWS_AS(lp.add_coefficient(row, x, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(lp.add_variable(std::nan(""), 1, 0), std::invalid_argument);
  CHECK_THROWS_AS(lp.add_variable(0, 1, kInf), std::invalid_argument);
  CHECK_THROWS_AS(lp.add_row(kInf, kInf), std::invalid_argument);
}

TEST_CASE("lp_problem keeps GLPK silent", "[lp]") {
  // Send stdout to a pipe while solving programmes that make GLPK talk when it may (an infeasible
  // one and an optimal one); nothing may come out.
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::fflush(stdout);
  const int saved = dup(STDOUT_FILENO);
  dup2(fds[1], STDOUT_FILENO);
  {
    LpProblem lp;
    const int x = lp.add_variable(0, kInf, 1);
    const int r = lp.add_row(5, kInf);
    lp.add_coefficient(r, x, 1);
    lp.solve();
    const int r2 = lp.add_row(-kInf, 3);
    lp.add_coefficient(r2, x, 1);
    lp.solve();
  }
  std::fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  close(fds[1]);
  char buffer[256];
  const ssize_t got = read(fds[0], buffer, sizeof buffer);
  close(fds[0]);
  CHECK(got == 0);
}
