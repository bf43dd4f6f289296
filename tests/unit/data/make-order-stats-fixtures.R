# SPDX-License-Identifier: GPL-3.0-or-later
#
# Expected values for tests/unit/test-order-stats.c, from R rather than from
# the code under test. Regenerate with
#
#   Rscript tests/unit/data/make-order-stats-fixtures.R > tests/unit/data/order-stats-fixtures.h
#
# FORMAT.md's change.ratio and change.ratio_ci95 are, below 50 runs a side
# and without ties, exactly what wilcox.test(log(with_ai), log(without_ai),
# conf.int = TRUE) reports, exponentiated: the median of the m·n differences
# ln(y) − ln(x) and the Moses interval [d(k), d(mn − k + 1)] with
# k = qwilcox(0.025, m, n). Elsewhere R answers another question, and the
# fixture is computed from FORMAT.md's definition by enumerating all m·n
# pairs here in R ("definition" below):
#   - with ties R switches to the normal approximation with a tie and
#     continuity correction and finds the estimate and bounds by uniroot();
#   - at 50 runs a side or more R does the same, while FORMAT.md takes
#     k = floor(mn/2 + 0.5 − 1.959963984540054 · sqrt(mn(m + n + 1)/12));
#   - when no k ≥ 1 exists (P(U ≤ 0) > 0.025, e.g. one run against fewer
#     than 39) R still reports [d(1), d(mn)]; FORMAT.md's interval is null.

options(digits = 17, warn = 1)
set.seed(16)

moses_k <- function(m, n) {
  if (m < 50 && n < 50) {
    # k = largest k >= 1 with P(U <= k - 1) <= 0.025; which() counts from u = 0.
    ok <- which(pwilcox(0:(m * n), m, n) <= 0.025)
    if (length(ok) == 0) 0 else max(ok)
  } else {
    floor(m * n / 2 + 0.5 - 1.959963984540054 * sqrt(m * n * (m + n + 1) / 12))
  }
}

median_k <- function(n) {
  ok <- which(pbinom(0:n, n, 0.5) <= 0.025)
  if (length(ok) == 0) 0 else max(ok)
}

by_definition <- function(x, y) {
  d <- sort(outer(log(y), log(x), "-"))
  k <- moses_k(length(x), length(y))
  ci <- if (k >= 1) exp(c(d[k], d[length(d) - k + 1])) else c(NA, NA)
  c(exp(median(d)), ci)
}

by_wilcox <- function(x, y) {
  w <- wilcox.test(log(y), log(x), conf.int = TRUE, exact = TRUE)
  c(unname(exp(w$estimate)), as.numeric(exp(w$conf.int)))
}

clear_and_settle <- function(m, n, e) {
  enough <- m >= 6 && n >= 6
  if (is.na(e[2])) return(c(FALSE, -1))
  clear <- enough && (e[3] < 1 || e[2] > 1)
  if (!enough || clear || e[1] == 1) return(c(clear, -1))
  h <- (log(e[3]) - log(e[2])) / 2
  d <- abs(log(e[1]))
  hm <- 2 * m * n / (m + n)
  c(clear, min(999, max(1, ceiling(hm * (h / d)^2 - hm))))
}

durations <- function(k, median, sdlog) {
  pmin(604800, pmax(1, round(exp(rnorm(k, log(median), sdlog)))))
}

# Two samples with no value shared, inside or across them.
distinct_pair <- function(m, n, ratio, sdlog = 0.6) {
  repeat {
    x <- durations(m, 3600, sdlog)
    y <- durations(n, 3600 * ratio, sdlog)
    if (anyDuplicated(c(x, y)) == 0) return(list(x = x, y = y))
  }
}

# Durations on a coarse grid (whole quarter hours), so values repeat.
tied_pair <- function(m, n, ratio) {
  x <- pmax(1, round(durations(m, 3600, 0.5) / 900)) * 900
  y <- pmax(1, round(durations(n, 3600 * ratio, 0.5) / 900)) * 900
  list(x = x, y = y)
}

cases <- list()
add <- function(what, s) cases[[length(cases) + 1]] <<- list(what = what, x = s$x, y = s$y)

for (size in list(c(6, 6), c(10, 10), c(6, 10), c(10, 6), c(7, 12), c(12, 7),
                  c(20, 33), c(49, 49), c(49, 6), c(6, 49), c(10, 49), c(49, 10)))
  for (ratio in c(0.6, 1, 1.3))
    add(sprintf("no ties, m = %d, n = %d, true ratio %.1f", size[1], size[2], ratio),
        distinct_pair(size[1], size[2], ratio))
add("one run without AI against 10", distinct_pair(1, 10, 0.7))
add("one run with AI against 10", distinct_pair(10, 1, 0.7))
add("one run against 39: P(U <= 0) = 1/40 exactly", distinct_pair(1, 39, 0.7))
add("one run against 45", distinct_pair(45, 1, 0.7))
add("one run each", distinct_pair(1, 1, 0.7))
add("two runs against 8 (k = 1)", distinct_pair(2, 8, 0.7))
add("two runs against 7 (no k)", distinct_pair(2, 7, 0.7))
add("five runs each (k = 3, not enough data)", distinct_pair(5, 5, 0.5))
for (size in list(c(6, 6), c(10, 10), c(8, 13), c(30, 20), c(49, 49)))
  for (ratio in c(0.7, 1))
    add(sprintf("ties on a quarter-hour grid, m = %d, n = %d, true ratio %.1f",
                size[1], size[2], ratio), tied_pair(size[1], size[2], ratio))
same <- distinct_pair(12, 0, 1)$x
add("equal samples, no ties within", list(x = same, y = same))
add("equal samples, one value", list(x = rep(3600, 8), y = rep(3600, 8)))
add("every with-AI run twice as long: ratios repeat", list(x = c(600, 900, 1200, 1800, 2400, 3600),
                                                          y = c(1200, 1800, 2400, 3600, 4800, 7200)))
add("same duration on both sides", list(x = c(1800, 3600, 3600, 5400, 7200, 7200, 9000),
                                        y = c(1800, 1800, 3600, 5400, 5400, 7200)))
add("the limits, 1 s and a week", list(x = c(1, 2, 3, 604800, 604799, 604798),
                                       y = c(1, 604800, 5, 604797, 7, 302400)))
for (size in list(c(50, 50), c(50, 49), c(49, 50), c(60, 6), c(6, 60), c(1, 50), c(75, 120)))
  for (ratio in c(0.6, 1))
    add(sprintf("normal formula, m = %d, n = %d, true ratio %.1f", size[1], size[2], ratio),
        distinct_pair(size[1], size[2], ratio))
add("normal formula with ties", tied_pair(80, 55, 0.8))

cat("/* SPDX-License-Identifier: GPL-3.0-or-later */\n")
cat("/* Generated by make-order-stats-fixtures.R with", R.version.string, "- do not edit. */\n\n")
cat("typedef struct\n{\n  const char   *what;\n  const char   *r_line;\n",
    "  const gint64 *without_ai;\n  guint         n_without_ai;\n",
    "  const gint64 *with_ai;\n  guint         n_with_ai;\n",
    "  double        ratio;\n  gboolean      has_interval;\n  double        low;\n",
    "  double        high;\n  gboolean      clear;\n  int           runs_to_settle;\n",
    "} OrderStatsFixture;\n\n", sep = "")

ints <- function(v) paste(sprintf("%d", as.integer(v)), collapse = ", ")
num <- function(v) if (is.na(v)) "NAN" else sprintf("%.17g", v)

entries <- character()
for (i in seq_along(cases)) {
  x <- cases[[i]]$x
  y <- cases[[i]]$y
  m <- length(x)
  n <- length(y)
  ties <- anyDuplicated(c(x, y)) != 0
  k <- moses_k(m, n)
  expected <- by_definition(x, y)
  if (m < 50 && n < 50 && !ties) {
    w <- by_wilcox(x, y)
    if (k >= 1) {
      stopifnot(isTRUE(all.equal(w, expected, tolerance = 1e-12)))
      expected <- w
      line <- "exp(wilcox.test(log(y), log(x), conf.int = TRUE)[c(\"estimate\", \"conf.int\")])"
    } else {
      stopifnot(isTRUE(all.equal(w[1], expected[1], tolerance = 1e-12)))
      expected <- c(w[1], NA, NA)
      line <- paste("exp(wilcox.test(log(y), log(x), conf.int = TRUE)$estimate);",
                    "no k >= 1, so no interval (R reports [d(1), d(mn)])")
    }
  } else {
    line <- paste("d <- sort(outer(log(y), log(x), \"-\")); exp(c(median(d), d[k], d[m*n-k+1]))",
                  sprintf("with k = %d", k),
                  if (ties) "(ties: R's wilcox.test would use the normal approximation)"
                  else "(50 or more a side: FORMAT.md's normal formula)")
  }
  cs <- clear_and_settle(m, n, expected)
  cat(sprintf("/* %s */\n", cases[[i]]$what))
  cat(sprintf("static const gint64 fixture_%d_x[] = { %s };\n", i, ints(x)))
  cat(sprintf("static const gint64 fixture_%d_y[] = { %s };\n", i, ints(y)))
  entries <- c(entries, sprintf(
    "  { \"%s\",\n    \"%s\",\n    fixture_%d_x, %d, fixture_%d_y, %d,\n    %s, %s, %s, %s, %s, %d },",
    cases[[i]]$what, gsub("\"", "\\\\\"", line), i, m, i, n, num(expected[1]),
    if (is.na(expected[2])) "FALSE" else "TRUE", num(expected[2]), num(expected[3]),
    if (cs[1]) "TRUE" else "FALSE", as.integer(cs[2])))
}
cat("\n/* x: without AI, y: with AI. */\nstatic const OrderStatsFixture order_stats_fixtures[] = {\n")
cat(entries, sep = "\n")
cat("\n};\n\n")

cat("/* The Moses rank k for m, n = 1 … 49 (0: none), from\n",
    " * max(which(pwilcox(0:(m*n), m, n) <= 0.025)). */\n",
    "static const guint16 mann_whitney_ranks[49][49] = {\n", sep = "")
for (m in 1:49)
  cat(sprintf("  { %s },\n", paste(sapply(1:49, function(n) moses_k(m, n)), collapse = ", ")))
cat("};\n\n")

sizes <- c(0:40, 49, 50, 51, 99, 100, 101, 1000, 1001, 12345, 99999, 1000000, 1999999, 2000000)
cat("/* The median interval rank k (0: none), from max(which(pbinom(0:n, n, 0.5) <= 0.025)). */\n",
    "static const struct { guint64 n; guint64 k; } median_ranks[] = {\n", sep = "")
cat(paste(sprintf("  { %d, %d },", as.integer(sizes), sapply(sizes, median_k))), sep = "\n")
cat("\n};\n")
