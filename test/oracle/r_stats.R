# Second oracle for the statistics of recording_gap, in GNU R (Debian
# r-base-core), sharing no code with statsmodels or scipy.
#
#   Rscript r_stats.R cases DIR          write the input cases (CSV) into DIR
#   Rscript r_stats.R check DIR PRESENT  compare DIR/r_*_out.csv (the
#                                        extension's answers) with R; PRESENT
#                                        lists the optional functions found
#                                        in the installed extension
#
# What each check compares with, and how independent it is:
#
#   ci wilson          stats::prop.test(x, n, correct = FALSE)$conf.int.
#                      Independent: R's own Wilson formula.
#   ci clopper_pearson stats::binom.test(x, n)$conf.int.  The limits are
#                      qbeta quantiles, and R's qbeta is the same libRmath
#                      code the extension links, so this checks which
#                      quantiles are taken (shape parameters, tails, the 0
#                      and 1 at x = 0 and x = n), not qbeta's numerics
#                      (statsmodels/scipy in 50-stats-oracle do that).
#   ci jeffreys        qbeta(a/2, x + 1/2, n - x + 1/2) and its upper tail,
#                      with the Brown-Cai-DasGupta boundary rule (lower = 0
#                      at x = 0, upper = 1 at x = n).  Same caveat as
#                      Clopper-Pearson.
#   funnel limits      RE-IMPLEMENTS OUR DOCUMENTED RULE (doc/statistics.md,
#                      Spiegelhalter 2005 Appendix A.1.1): r_p is found by
#                      bisection on pbinom (R 4.2.2's qbinom is wrong at
#                      extreme probabilities, so it is not used), the upper
#                      limit from upper-tail probabilities; target 0 gives 0
#                      and target 1 gives 1 (our rule).
#   funnel_position    the limits above, widened by sqrt(phi) when phi > 1
#                      (our documented rule); with unknowns, the position at
#                      x of n and at x + u of n, `undetermined` when they
#                      differ (the documented unknowns rule).
#   change_p_value     stats::fisher.test(matrix(c(a, c, b, d), 2))$p.value,
#                      two-sided (relative tie tolerance 1e-7, R's rule).
#   funnel_phi         z-scores winsorised at stats::quantile(type = 7) 10%
#                      and 90%, mean of squares: FunnelPlotR's phi for
#                      binomial z-scores, written out here.
#   ci_bounds_lower/upper   prop.test / binom.test at x of n (lower) and
#                      x + u of n (upper): the documented unknowns rule.
#   funnel_p_value     stats::binom.test(x, n, p = target)$p.value (exact,
#                      two-sided, R's 1 + 1e-7 tie rule).
#   funnel_z           FunnelPlotR's z-score for proportions ("PR"):
#                      (asin(sqrt(y)) - asin(sqrt(target))) / (1 / (2 sqrt(n))),
#                      and with tau2 divided by sqrt(1/(4n) + tau2) instead;
#                      NULL with unknowns (documented), as funnel_p_value.
#   funnel_lower_phi/upper_phi   the R limits widened by sqrt(phi) when
#                      phi > 1 (our documented rule).
#   funnel_lower_tau2/upper_tau2, funnel_position_tau2   FunnelPlotR's
#                      arcsine limits (R/calculate_limits.R, "PR"), written
#                      out, with an exact normal quantile; tau2 = 0 gives
#                      the exact binomial limits (OUR DOCUMENTED RULE).
#   funnel_tau2        RE-IMPLEMENTS FUNNELPLOTR'S PUBLISHED METHOD (package
#                      FunnelPlotR, R/od_adjustment.R: transformed_zscore,
#                      winsorisation, phi_func, tau_func): arcsine z-scores
#                      around asin(sqrt(target)), winsorised at the type-7
#                      10% and 90% quantiles, phi = mean of squares, then
#                      DerSimonian-Laird: tau2 = 0 when k phi < k - 1, else
#                      max(0, (k phi - (k - 1)) / (sum w - sum w^2 / sum w)),
#                      w = 1 / s^2 = 4 n.  Units with unknowns are left out
#                      (the documented unknowns rule).  Checked on a hand-worked example
#                      below before it is used as a reference.
#
# Comparisons are relative: |got - ref| <= 1e-9 |ref| (exact equality for
# 0, 1 and for the labels).  Every case is drawn from a fixed seed.

TOL <- 1e-9
SEED <- 20260101L

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2 || !(args[1] %in% c("cases", "check"))) {
  cat("usage: Rscript r_stats.R cases DIR | check DIR PRESENT\n")
  quit(status = 2)
}
mode <- args[1]
dir <- args[2]
path <- function(name) file.path(dir, name)

# every double is written with 17 significant digits (write.csv keeps 15,
# and the extension would then be asked about another number than R)
num17 <- function(v) if (all(v == floor(v))) sprintf("%.0f", v) else sprintf("%.17g", v)
wcsv <- function(df, name) {
  out <- as.data.frame(lapply(df, num17), stringsAsFactors = FALSE)
  write.csv(out, path(name), row.names = FALSE, quote = FALSE)
}
rcsv <- function(name) read.csv(path(name), stringsAsFactors = FALSE)

# ---------------------------------------------------------------- cases

log_uniform_int <- function(k, lo, hi) {
  pmin(hi, pmax(lo, floor(exp(runif(k, log(lo), log(hi + 1))))))
}

pick_x <- function(n) {
  u <- runif(1)
  if (u < 0.08) return(0)
  if (u < 0.16) return(n)
  if (u < 0.22) return(min(1, n))
  if (u < 0.28) return(max(n - 1, 0))
  floor(runif(1, 0, n + 1))
}

LEVELS <- c(0.5, 0.8, 0.9, 0.95, 0.99, 0.998, 0.999, 1e-6, 0.999999)
pick_level <- function() {
  if (runif(1) < 0.5) sample(LEVELS, 1) else runif(1, 0.01, 0.9999)
}

make_cases <- function() {
  set.seed(SEED, kind = "Mersenne-Twister", normal.kind = "Inversion",
           sample.kind = "Rejection")
  dir.create(dir, showWarnings = FALSE, recursive = TRUE)

  # intervals: random, then the degenerate cases (n = 1, x = 0, x = n)
  ns <- c(log_uniform_int(1100, 1, 1e6), log_uniform_int(100, 1e6, 1e9))
  xs <- vapply(ns, pick_x, 0)
  lv <- vapply(seq_along(ns), function(i) pick_level(), 0)
  us <- ifelse(runif(length(ns)) < 0.6, floor(runif(length(ns)) * (ns - xs + 1)), 0)
  dn <- c(1, 1, 2, 2, 10, 10, 1000, 1000, 1e6, 1e6, 1e9, 1e9)
  dx <- c(0, 1, 0, 2, 0, 10, 0, 1000, 0, 1e6, 0, 1e9)
  dl <- rep(c(0.5, 1e-6, 0.95, 0.999999), each = length(dn))
  ns <- c(ns, rep(dn, 4)); xs <- c(xs, rep(dx, 4)); lv <- c(lv, dl)
  us <- c(us, rep(0, 4 * length(dn)))
  # unknowns at the edges: all unknown, one unknown
  ns <- c(ns, 60, 1, 10, 10); xs <- c(xs, 0, 0, 9, 0); us <- c(us, 60, 1, 1, 10)
  lv <- c(lv, 0.95, 0.95, 0.95, 0.999)
  wcsv(data.frame(id = seq_along(ns), n = ns, x = xs, u = us, level = lv), "r_ci.csv")

  # funnel limits and positions
  k <- 1200
  n <- ifelse(seq_len(k) <= 20, seq_len(k), log_uniform_int(k, 1, 1e5))
  t <- ifelse(runif(k) < 0.1, sample(c(0.001, 0.01, 0.05, 0.5, 0.95, 0.99, 0.999), k, TRUE),
              runif(k, 0.001, 0.999))
  level <- ifelse(runif(k) < 0.7, sample(c(0.95, 0.99, 0.998, 0.999), k, TRUE),
                  runif(k, 0.5, 0.9999))
  p <- pmin(1, pmax(0, t + rnorm(k, 0, 0.05)))
  x <- rbinom(k, n, p)
  u <- ifelse(runif(k) < 0.3, floor(runif(k) * (n - x + 1)), 0)
  phi <- sample(c(1, 1, 0.5, 1.5, 4), k, TRUE)
  tau2 <- sample(c(0, 0, 0.0005, 0.005, 0.05), k, TRUE)
  # degenerate: targets 0 and 1, n = 1, x = 0 and x = n
  dn <- c(1, 1, 1, 1, 50, 50, 50, 50, 1, 1, 7, 7)
  dx <- c(0, 1, 0, 1, 0, 50, 0, 50, 0, 1, 0, 7)
  dt <- c(0, 0, 1, 1, 0, 0, 1, 1, 0.5, 0.5, 0.3, 0.3)
  n <- c(n, dn); x <- c(x, dx); t <- c(t, dt); u <- c(u, rep(0, length(dn)))
  level <- c(level, rep(0.998, length(dn))); phi <- c(phi, rep(1, length(dn)))
  tau2 <- c(tau2, rep(c(0, 0.01), length.out = length(dn)))
  # where R 4.2.2's qbinom(tail, n, target) is wrong (it answers n), found
  # by comparing it with the bisection below: the extension starts from
  # qbinom and must notice.  Level = 1 - 2 tail.
  qn <- c(4484, 12467, 8657, 67644, 87077, 782913, 24304227)
  qt <- c(0.999984, 0.9902174, 0.999797, 0.9997641, 0.99986, 0.9999796, 0.999998)
  ql <- 1 - 2 * c(0.0003834127, 4.866134e-07, 1.111042e-13, 6.347577e-13, 7.558278e-15,
                  1.425844e-15, 1.040008e-07)
  n <- c(n, qn); x <- c(x, qn - 10); t <- c(t, qt); u <- c(u, rep(0, length(qn)))
  level <- c(level, ql); phi <- c(phi, rep(1, length(qn))); tau2 <- c(tau2, rep(0, length(qn)))
  wcsv(data.frame(id = seq_along(n), n = n, target = t, level = level, x = x, u = u,
                  phi = phi, tau2 = tau2), "r_funnel.csv")

  # Fisher's exact test
  k <- 1200
  n1 <- log_uniform_int(k, 1, 1e5); n2 <- log_uniform_int(k, 1, 1e5)
  p1 <- runif(k)
  p2 <- ifelse(runif(k) < 0.3, p1, pmin(1, pmax(0, p1 + rnorm(k, 0, 0.05))))
  a <- rbinom(k, n1, p1); c <- rbinom(k, n2, p2)
  small <- seq_len(30)                    # small symmetric tables: exact ties
  n1[small] <- n2[small] <- small
  a[small] <- floor(runif(30) * (small + 1)); c[small] <- floor(runif(30) * (small + 1))
  # degenerate: n = 1, x = 0, x = n
  da <- c(0, 1, 0, 1, 0, 5, 0, 5, 3); dn1 <- c(1, 1, 1, 1, 5, 5, 5, 5, 3)
  dc <- c(0, 0, 1, 1, 5, 0, 0, 5, 0); dn2 <- c(1, 1, 1, 1, 5, 5, 5, 5, 1000)
  a <- c(a, da); n1 <- c(n1, dn1); c <- c(c, dc); n2 <- c(n2, dn2)
  wcsv(data.frame(id = seq_along(a), a = a, b = n1 - a, c = c, d = n2 - c), "r_fisher.csv")

  # funnel_phi and funnel_tau2: groups of units around one target each
  rows <- list()
  for (g in seq_len(50)) {
    k <- if (g <= 3) g + 1 else sample(2:80, 1)
    target <- runif(1, 0.02, 0.98)
    spread <- sample(c(0, 0.02, 0.1), 1)
    n <- log_uniform_int(k, 1, 20000)
    p <- if (spread > 0) pmin(1, pmax(0, target + rnorm(k, 0, spread))) else rep(target, k)
    x <- rbinom(k, n, p)
    # a few units with unknown outcomes: they must not move tau2
    u <- ifelse(runif(k) < 0.15, floor(runif(k) * (n - x + 1)), 0)
    rows[[g]] <- data.frame(grp = g, target = target, n = n, x = x, u = u)
  }
  # degenerate groups: a single unit; two units of which one has unknowns
  # (funnel_tau2 needs two known units: NULL for both)
  rows[[51]] <- data.frame(grp = 51, target = 0.3, n = 50, x = 10, u = 0)
  rows[[52]] <- data.frame(grp = 52, target = 0.3, n = c(50, 80), x = c(10, 20), u = c(0, 5))
  wcsv(do.call(rbind, rows), "r_groups.csv")

  # funnel_z and funnel_p_value: exact p needs vectors of length n in
  # binom.test, so n stays below 10^5 here
  k <- 1000
  n <- log_uniform_int(k, 1, 1e5)
  t <- runif(k, 0.001, 0.999)
  x <- rbinom(k, n, pmin(1, pmax(0, t + rnorm(k, 0, 0.05))))
  dn <- c(1, 1, 1, 1, 20, 20, 20, 20); dx <- c(0, 1, 0, 1, 0, 20, 0, 20)
  dt <- c(0.5, 0.5, 0.01, 0.99, 0.3, 0.3, 0.999, 0.001)
  tau2 <- sample(c(0, 0.0005, 0.005, 0.05), k + length(dn), TRUE)
  wcsv(data.frame(id = seq_len(k + length(dn)), n = c(n, dn), x = c(x, dx), target = c(t, dt),
                  tau2 = tau2), "r_fz.csv")
  # p-values at targets 0 and 1: exact answers exist (0 or 1)
  wcsv(data.frame(id = 1:6, n = c(10, 10, 10, 10, 1, 1), x = c(0, 3, 10, 7, 0, 1),
                  target = c(0, 0, 1, 1, 0, 1)), "r_fz_edge.csv")

  # thresholds for recording_verdict(s, threshold, level, method) on the
  # interval cases: drawn last, so the cases above stay as they were; half
  # near the ratio, so that every verdict occurs
  ci <- rcsv("r_ci.csv")
  k <- nrow(ci)
  near <- pmin(1, pmax(0, (ci$x + ci$u / 2) / ci$n + rnorm(k, 0, 0.02)))
  thr <- ifelse(runif(k) < 0.5, near, runif(k))
  thr[1:4] <- c(0, 1, 0, 1)
  wcsv(data.frame(id = ci$id, threshold = thr), "r_verdict.csv")

  # recording_change with unknowns: two periods, both with unknowns in
  # half the cases; a few with no referrals in one period
  k <- 600
  bn <- log_uniform_int(k, 1, 5000); an <- log_uniform_int(k, 1, 5000)
  p <- runif(k)
  bx <- rbinom(k, bn, p); ax <- rbinom(k, an, pmin(1, pmax(0, p + rnorm(k, 0, 0.08))))
  bu <- ifelse(runif(k) < 0.5, floor(runif(k) * (bn - bx + 1) * 0.3), 0)
  au <- ifelse(runif(k) < 0.5, floor(runif(k) * (an - ax + 1) * 0.3), 0)
  alpha <- sample(c(0.05, 0.01, 0.2), k, TRUE)
  bn[1:3] <- c(0, 60, 60); bx[1:3] <- 0; bu[1:3] <- c(0, 60, 0)
  an[1:3] <- c(50, 60, 60); ax[1:3] <- c(10, 0, 30); au[1:3] <- c(0, 0, 30)
  wcsv(data.frame(id = 1:k, bn = bn, bx = bx, bu = bu, an = an, ax = ax, au = au,
                  alpha = alpha), "r_change.csv")
}

# ----------------------------------------------------------- references

ci_wilson <- function(x, n, level) {
  as.numeric(suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int)
}

# binom.test's p-value costs O(n) for p = 0.5; p = 0 makes it O(1) and does
# not touch the interval, which depends on x, n and conf.level only
ci_cp <- function(x, n, level) {
  as.numeric(binom.test(x, n, p = 0, conf.level = level)$conf.int)
}

ci_jeffreys <- function(x, n, level) {
  a <- (1 - level) / 2
  lo <- if (x == 0) 0 else qbeta(a, x + 0.5, n - x + 0.5)
  hi <- if (x == n) 1 else qbeta(a, x + 0.5, n - x + 0.5, lower.tail = FALSE)
  c(lo, hi)
}

CI <- list(wilson = ci_wilson, clopper_pearson = ci_cp, jeffreys = ci_jeffreys)

# Spiegelhalter (2005) A.1.1, our documented rule: r_p = smallest r with
# F(r) >= p, by bisection on pbinom.  The upper limit works on upper tails:
# F(r) >= 1 - tail  <=>  S(r) <= tail, alpha = (tail - S(r)) / (S(r-1) - S(r)).
funnel_limit_lower <- function(n, t, tail) {
  if (t == 0) return(0)
  if (t == 1) return(1)
  lo <- -1; hi <- n                       # F(lo) < tail <= F(hi)
  while (hi - lo > 1) {
    mid <- floor((lo + hi) / 2)
    if (pbinom(mid, n, t) >= tail) hi <- mid else lo <- mid
  }
  r <- hi
  f <- pbinom(r, n, t); fm <- if (r > 0) pbinom(r - 1, n, t) else 0
  min(1, max(0, (r - (f - tail) / (f - fm)) / n))
}

funnel_limit_upper <- function(n, t, tail) {
  if (t == 0) return(0)
  if (t == 1) return(1)
  sf <- function(r) if (r < 0) 1 else pbinom(r, n, t, lower.tail = FALSE)
  lo <- -1; hi <- n                       # S(lo) > tail >= S(hi)
  while (hi - lo > 1) {
    mid <- floor((lo + hi) / 2)
    if (sf(mid) <= tail) hi <- mid else lo <- mid
  }
  r <- hi
  s <- sf(r); sm <- sf(r - 1)
  min(1, max(0, (r - (tail - s) / (sm - s)) / n))
}

funnel_limits <- function(n, t, level) {
  tail <- (1 - level) / 2
  c(funnel_limit_lower(n, t, tail), funnel_limit_upper(n, t, tail))
}

# Limits with additive overdispersion, FunnelPlotR's for proportions
# (R/calculate_limits.R, data_type "PR"): sin^2(asin(sqrt(target)) -/+ z
# sqrt(1/(4n) + tau2)), with z = qnorm(1 - (1 - level)/2) (FunnelPlotR
# rounds z to 1.959964 and 3.090232; we do not) and the angle clipped to
# [0, pi/2] (FunnelPlotR clips the limits to [0, 1] and sets non-monotone
# lower limits to 0, which is the same thing per n).  tau2 = 0 gives the
# exact binomial limits above: OUR DOCUMENTED RULE (sql/0.2.0, the comments
# of funnel_lower_tau2 and funnel_upper_tau2), not FunnelPlotR's.
funnel_limits_tau2 <- function(n, t, level, tau2) {
  if (tau2 == 0) return(funnel_limits(n, t, level))
  z <- qnorm((1 - level) / 2, lower.tail = FALSE)
  a <- asin(sqrt(t)); sd <- sqrt(1 / (4 * n) + tau2)
  c(sin(max(0, a - z * sd))^2, sin(min(pi / 2, a + z * sd))^2)
}

position_at <- function(x, n, lim, t, phi) {
  lo <- lim[1]; hi <- lim[2]
  if (phi > 1) {
    lo <- min(1, max(0, t + sqrt(phi) * (lo - t)))
    hi <- min(1, max(0, t + sqrt(phi) * (hi - t)))
  }
  y <- x / n
  list(pos = if (y < lo) "low" else if (y > hi) "high" else "within",
       dist = min(abs(y - lo), abs(y - hi)))
}

fisher_p <- function(a, b, c, d) fisher.test(matrix(c(a, c, b, d), 2))$p.value

zscores_binomial <- function(n, x, t) (x / n - t) / sqrt(t * (1 - t) / n)
zscores_arcsine <- function(n, x, t) (asin(sqrt(x / n)) - asin(sqrt(t))) * 2 * sqrt(n)

winsorise <- function(z) {
  q <- quantile(z, c(0.1, 0.9), type = 7, names = FALSE)
  pmin(pmax(z, q[1]), q[2])
}

ref_phi <- function(n, x, t) mean(winsorise(zscores_binomial(n, x, t))^2)

# FunnelPlotR's tau_func after phi_func, for proportions (see the header)
ref_tau2 <- function(n, x, t) {
  k <- length(n)
  phi <- mean(winsorise(zscores_arcsine(n, x, t))^2)
  if (k * phi < k - 1) return(0)
  w <- 4 * n                               # 1 / s^2, s = 1 / (2 sqrt(n))
  max(0, (k * phi - (k - 1)) / (sum(w) - sum(w^2) / sum(w)))
}

# ------------------------------------------------------------ comparison

passed <- 0L; failed <- 0L; skipped <- 0L
check <- function(ok, label, detail = character(0)) {
  if (isTRUE(ok)) {
    passed <<- passed + 1L
    cat(sprintf("ok %d - %s\n", passed + failed, label))
  } else {
    failed <<- failed + 1L
    cat(sprintf("not ok %d - %s\n", passed + failed, label))
    if (length(detail)) cat(paste0("#   ", head(detail, 5), "\n"), sep = "")
  }
}
skip <- function(name, why = "function not present") {
  skipped <<- skipped + 1L
  cat(sprintf("# skip %s: %s\n", name, why))
}

rel <- function(got, ref) {
  ifelse(is.na(got), Inf,
         ifelse(got == ref, 0, ifelse(ref == 0, Inf, abs(got - ref) / abs(ref))))
}

fmt <- function(v) trimws(formatC(v, digits = 17, format = "g"))

run_checks <- function(present) {
  has <- function(f) f %in% present

  # ---- intervals
  cases <- rcsv("r_ci.csv")
  got <- rcsv("r_ci_out.csv")
  for (m in names(CI)) {
    g <- got[got$method == m, ]
    g <- g[order(g$id), ]
    ref <- t(vapply(seq_len(nrow(cases)), function(i)
      CI[[m]](cases$x[i], cases$n[i], cases$level[i]), c(0, 0)))
    d <- pmax(rel(g$lower, ref[, 1]), rel(g$upper, ref[, 2]))
    bad <- which(d > TOL)
    check(nrow(g) == nrow(cases) && nrow(g) >= 1000 && length(bad) == 0,
          sprintf("ci %s: %d cases (x = 0, x = n, n = 1 among them) against R, max relative difference %.3g",
                  m, nrow(g), max(d)),
          sprintf("x=%d n=%.0f level=%s: got (%s, %s), R (%s, %s)", cases$x[bad], cases$n[bad],
                  fmt(cases$level[bad]), fmt(g$lower[bad]), fmt(g$upper[bad]),
                  fmt(ref[bad, 1]), fmt(ref[bad, 2])))
  }

  # ---- ci_bounds_lower / ci_bounds_upper: worst-case lower, best-case upper
  if (has("ci_bounds_lower") && has("ci_bounds_upper")) {
    gb <- rcsv("r_cibounds_out.csv")
    for (m in names(CI)) {
      g <- gb[gb$method == m, ]
      g <- g[order(g$id), ]
      lo <- vapply(seq_len(nrow(cases)), function(i)
        CI[[m]](cases$x[i], cases$n[i], cases$level[i])[1], 0)
      hi <- vapply(seq_len(nrow(cases)), function(i)
        CI[[m]](cases$x[i] + cases$u[i], cases$n[i], cases$level[i])[2], 0)
      d <- pmax(rel(g$lower, lo), rel(g$upper, hi))
      bad <- which(d > TOL)
      check(nrow(g) == nrow(cases) && length(bad) == 0,
            sprintf("ci_bounds %s: %d cases (%d with unknowns): lower at x of n, upper at x + u of n, max relative difference %.3g",
                    m, nrow(g), sum(cases$u > 0), max(d)),
            sprintf("x=%d u=%d n=%.0f level=%s: got (%s, %s), R (%s, %s)", cases$x[bad],
                    cases$u[bad], cases$n[bad], fmt(cases$level[bad]), fmt(g$lower[bad]),
                    fmt(g$upper[bad]), fmt(lo[bad]), fmt(hi[bad])))
    }
  } else {
    skip("ci_bounds_lower/ci_bounds_upper")
  }

  # ---- recording_verdict(s, threshold, level, method): below beyond
  # chance.  Our documented rule on top of R's intervals: below when the
  # best case's upper limit is under the threshold, meets when the worst
  # case's lower limit reaches it, else undetermined
  if (has("recording_verdict_ci")) {
    thr <- rcsv("r_verdict.csv")$threshold
    gv <- rcsv("r_verdict_out.csv")
    counts <- c()
    for (m in names(CI)) {
      g <- gv[gv$method == m, ]
      g <- g[order(g$id), ]
      vbad <- character(0)
      for (i in seq_len(nrow(cases))) {
        lo <- CI[[m]](cases$x[i], cases$n[i], cases$level[i])[1]
        hi <- CI[[m]](cases$x[i] + cases$u[i], cases$n[i], cases$level[i])[2]
        ref <- if (hi < thr[i]) "below" else if (lo >= thr[i]) "meets" else "undetermined"
        near <- min(abs(hi - thr[i]), abs(lo - thr[i])) <= TOL * max(thr[i], 1e-300)
        counts <- c(counts, ref)
        if (g$verdict[i] != ref && !near)
          vbad <- c(vbad, sprintf("x=%d u=%d n=%.0f level=%s threshold=%s: got %s, R (%s, %s) %s",
                                  cases$x[i], cases$u[i], cases$n[i], fmt(cases$level[i]),
                                  fmt(thr[i]), g$verdict[i], fmt(lo), fmt(hi), ref))
      }
      check(nrow(g) == nrow(cases) && length(vbad) == 0,
            sprintf("recording_verdict(s, threshold, level, '%s'): %d cases against R's intervals at both cases of the unknowns",
                    m, nrow(g)), vbad)
    }
    cat(sprintf("# verdicts: %s\n", paste(names(table(counts)), table(counts), collapse = ", ")))
  } else {
    skip("recording_verdict(s, threshold, level, method)")
  }

  # ---- recording_change with unknowns: our documented corner rule on
  # fisher.test (doc/statistics.md): improved if a significant rise even at
  # (before best, after worst), worsened if a significant fall even at
  # (before worst, after best), no_change if neither (before worst, after
  # best) rises nor (before best, after worst) falls significantly
  if ("undetermined" %in% present && file.exists(path("r_change_out.csv"))) {
    cc <- rcsv("r_change.csv")
    g <- rcsv("r_change_out.csv")
    g <- g[order(g$id), ]
    cbad <- character(0); labels <- c()
    sig <- function(bx, bn, ax, an, alpha, dir) {
      moved <- if (dir > 0) ax * bn > bx * an else ax * bn < bx * an
      if (!moved) return(list(sig = FALSE, near = FALSE))
      p <- fisher_p(bx, bn - bx, ax, an - ax)
      list(sig = p < alpha, near = abs(p - alpha) <= TOL * alpha)
    }
    for (i in seq_len(nrow(cc))) {
      c <- cc[i, ]
      if (c$bn == 0 || c$an == 0) {
        ref <- "no_data"; near <- FALSE
      } else {
        r1 <- sig(c$bx + c$bu, c$bn, c$ax, c$an, c$alpha, 1)    # improved
        f1 <- sig(c$bx, c$bn, c$ax + c$au, c$an, c$alpha, -1)   # worsened
        r2 <- sig(c$bx, c$bn, c$ax + c$au, c$an, c$alpha, 1)    # any rise
        f2 <- sig(c$bx + c$bu, c$bn, c$ax, c$an, c$alpha, -1)   # any fall
        ref <- if (r1$sig) "improved" else if (f1$sig) "worsened"
               else if (!r2$sig && !f2$sig) "no_change" else "undetermined"
        near <- r1$near || f1$near || r2$near || f2$near
      }
      labels <- c(labels, ref)
      if (g$change[i] != ref && !near)
        cbad <- c(cbad, sprintf("before (%d, %d, u %d) after (%d, %d, u %d) alpha %s: got %s, R %s",
                                c$bn, c$bx, c$bu, c$an, c$ax, c$au, fmt(c$alpha), g$change[i], ref))
    }
    check(nrow(g) == nrow(cc) && length(cbad) == 0,
          sprintf("recording_change: %d pairs (%d with unknowns) against fisher.test at the corners (%s)",
                  nrow(cc), sum(cc$bu > 0 | cc$au > 0),
                  paste(names(table(labels)), table(labels), collapse = ", ")), cbad)
  } else {
    skip("recording_change with unknowns", "recording_change has no label 'undetermined'")
  }

  # ---- funnel limits and positions
  cases <- rcsv("r_funnel.csv")
  got <- rcsv("r_funnel_out.csv")
  got <- got[order(got$id), ]
  lim <- t(vapply(seq_len(nrow(cases)), function(i)
    funnel_limits(cases$n[i], cases$target[i], cases$level[i]), c(0, 0)))
  d <- pmax(rel(got$lower, lim[, 1]), rel(got$upper, lim[, 2]))
  bad <- which(d > TOL)
  check(nrow(got) == nrow(cases) && nrow(got) >= 1000 && length(bad) == 0,
        sprintf("funnel limits: %d cases (targets 0 and 1, n = 1, and 7 where R 4.2.2 qbinom is wrong among them) against bisection on pbinom, max relative difference %.3g",
                nrow(got), max(d)),
        sprintf("n=%.0f target=%s level=%s: got (%s, %s), R (%s, %s)", cases$n[bad],
                fmt(cases$target[bad]), fmt(cases$level[bad]), fmt(got$lower[bad]),
                fmt(got$upper[bad]), fmt(lim[bad, 1]), fmt(lim[bad, 2])))

  undetermined <- "undetermined" %in% present
  posbad <- character(0); nk <- 0L; nu <- 0L
  for (i in seq_len(nrow(cases))) {
    c <- cases[i, ]
    if (c$u > 0 && !undetermined) next
    w <- position_at(c$x, c$n, lim[i, ], c$target, c$phi)
    b <- position_at(c$x + c$u, c$n, lim[i, ], c$target, c$phi)
    ref <- if (w$pos == b$pos) w$pos else "undetermined"
    # a ratio within rounding of a limit may fall either way
    near <- min(w$dist, b$dist) <= TOL
    nk <- nk + 1L
    if (c$u > 0) nu <- nu + 1L
    if (got$position[i] != ref && !near)
      posbad <- c(posbad, sprintf("x=%d u=%d n=%.0f target=%s level=%s phi=%s: got %s, R %s",
                                  c$x, c$u, c$n, fmt(c$target), fmt(c$level), fmt(c$phi),
                                  got$position[i], ref))
  }
  check(nk >= 800 && length(posbad) == 0,
        sprintf("funnel_position: %d cases (%d with unknowns) agree with the R limits", nk, nu),
        posbad)
  if (!undetermined)
    skip("funnel_position with unknowns", "funnel_position has no label 'undetermined'")

  # ---- limits widened by phi, and with tau2
  if (has("funnel_lower_phi") && has("funnel_upper_phi")) {
    g <- rcsv("r_funnel_phi_out.csv")
    g <- g[order(g$id), ]
    w <- t(vapply(seq_len(nrow(cases)), function(i) {
      p <- cases$phi[i]; tt <- cases$target[i]
      if (p <= 1) lim[i, ] else pmin(1, pmax(0, tt + sqrt(p) * (lim[i, ] - tt)))
    }, c(0, 0)))
    d <- pmax(rel(g$lower, w[, 1]), rel(g$upper, w[, 2]))
    bad <- which(d > TOL)
    check(nrow(g) == nrow(cases) && length(bad) == 0,
          sprintf("funnel_lower_phi/funnel_upper_phi: %d cases (phi 0.5 to 4) against the R limits widened by sqrt(phi), max relative difference %.3g",
                  nrow(g), max(d)),
          sprintf("n=%.0f target=%s level=%s phi=%s: got (%s, %s), R (%s, %s)", cases$n[bad],
                  fmt(cases$target[bad]), fmt(cases$level[bad]), fmt(cases$phi[bad]),
                  fmt(g$lower[bad]), fmt(g$upper[bad]), fmt(w[bad, 1]), fmt(w[bad, 2])))
  } else {
    skip("funnel_lower_phi/funnel_upper_phi")
  }
  if (has("funnel_lower_tau2") && has("funnel_upper_tau2")) {
    g <- rcsv("r_funnel_tau2_out.csv")
    g <- g[order(g$id), ]
    w <- t(vapply(seq_len(nrow(cases)), function(i)
      funnel_limits_tau2(cases$n[i], cases$target[i], cases$level[i], cases$tau2[i]), c(0, 0)))
    d <- pmax(rel(g$lower, w[, 1]), rel(g$upper, w[, 2]))
    bad <- which(d > TOL)
    check(nrow(g) == nrow(cases) && length(bad) == 0,
          sprintf("funnel_lower_tau2/funnel_upper_tau2: %d cases (%d with tau2 > 0) against FunnelPlotR's arcsine limits, max relative difference %.3g",
                  nrow(g), sum(cases$tau2 > 0), max(d)),
          sprintf("n=%.0f target=%s level=%s tau2=%s: got (%s, %s), R (%s, %s)", cases$n[bad],
                  fmt(cases$target[bad]), fmt(cases$level[bad]), fmt(cases$tau2[bad]),
                  fmt(g$lower[bad]), fmt(g$upper[bad]), fmt(w[bad, 1]), fmt(w[bad, 2])))
    if (has("funnel_position_tau2")) {
      posbad <- character(0)
      for (i in seq_len(nrow(cases))) {
        c <- cases[i, ]
        wp <- position_at(c$x, c$n, w[i, ], c$target, 1)
        bp <- position_at(c$x + c$u, c$n, w[i, ], c$target, 1)
        ref <- if (wp$pos == bp$pos) wp$pos else "undetermined"
        if (g$position[i] != ref && min(wp$dist, bp$dist) > TOL)
          posbad <- c(posbad, sprintf("x=%d u=%d n=%.0f target=%s level=%s tau2=%s: got %s, R %s",
                                      c$x, c$u, c$n, fmt(c$target), fmt(c$level), fmt(c$tau2),
                                      g$position[i], ref))
      }
      check(length(posbad) == 0,
            sprintf("funnel_position_tau2: %d cases (%d with unknowns) agree with the R limits",
                    nrow(cases), sum(cases$u > 0)), posbad)
    } else {
      skip("funnel_position_tau2")
    }
  } else {
    skip("funnel_lower_tau2/funnel_upper_tau2")
  }

  # ---- Fisher
  cases <- rcsv("r_fisher.csv")
  got <- rcsv("r_fisher_out.csv")
  got <- got[order(got$id), ]
  ref <- vapply(seq_len(nrow(cases)), function(i)
    fisher_p(cases$a[i], cases$b[i], cases$c[i], cases$d[i]), 0)
  # fisher.test normalises the densities by their largest one, so below
  # about 1e-300 its p-value underflows to 0 while the extension's does
  # not: there only "both below 1e-290" is checked (counted apart)
  under <- ref < 1e-290
  d <- rel(got$p, ref)
  d[under] <- ifelse(!is.na(got$p[under]) & got$p[under] < 1e-290, 0, Inf)
  bad <- which(d > TOL)
  check(nrow(got) == nrow(cases) && length(bad) == 0,
        sprintf("change_p_value: %d tables against fisher.test, max relative difference %.3g (%d with p < 1e-9, %d beyond fisher.test's range)",
                nrow(got), max(d), sum(ref < 1e-9), sum(under)),
        sprintf("[[%d, %d], [%d, %d]]: got %s, R %s", cases$a[bad], cases$b[bad],
                cases$c[bad], cases$d[bad], fmt(got$p[bad]), fmt(ref[bad])))

  # ---- funnel_phi (and funnel_tau2 when present)
  units <- rcsv("r_groups.csv")
  got <- rcsv("r_phi_out.csv")
  known <- units[units$u == 0, ]
  ref <- vapply(got$grp, function(g) {
    k <- known[known$grp == g, ]
    ref_phi(k$n, k$x, k$target[1])
  }, 0)
  # here funnel_phi is fed the units without unknowns only; the check
  # after this one feeds it every unit
  d <- rel(got$phi, ref)
  bad <- which(d > TOL)
  check(length(got$grp) == length(unique(units$grp)) && length(bad) == 0,
        sprintf("funnel_phi: %d groups against quantile(type = 7) winsorisation, max relative difference %.3g",
                nrow(got), max(d)),
        sprintf("group %d: got %s, R %s", got$grp[bad], fmt(got$phi[bad]), fmt(ref[bad])))

  if (undetermined) {
    # the documented unknowns rule came with the 'undetermined' position:
    # funnel_phi over every unit, those with unknowns too, must equal the
    # estimate from the units whose outcomes are all known
    got <- rcsv("r_phi_all_out.csv")
    d <- rel(got$phi, ref)
    bad <- which(d > TOL)
    check(nrow(got) == length(ref) && length(bad) == 0,
          sprintf("funnel_phi: %d units with unknowns in %d groups do not move it, max relative difference %.3g",
                  sum(units$u > 0), length(unique(units$grp[units$u > 0])), max(d)),
          sprintf("group %d: got %s, R (known units only) %s", got$grp[bad],
                  fmt(got$phi[bad]), fmt(ref[bad])))
  } else {
    skip("funnel_phi with unknowns", "funnel_position has no label 'undetermined' (the unknowns rule is not installed)")
  }

  if (has("funnel_tau2")) {
    got <- rcsv("r_tau2_out.csv")
    # NULL (NA) with fewer than two units whose outcomes are all known
    ref <- vapply(got$grp, function(g) {
      k <- known[known$grp == g, ]
      if (nrow(k) < 2) NA_real_ else ref_tau2(k$n, k$x, k$target[1])
    }, 0)
    d <- ifelse(is.na(ref), ifelse(is.na(got$tau2), 0, Inf), rel(got$tau2, ref))
    bad <- which(d > TOL)
    check(length(got$grp) == length(unique(units$grp)) && length(bad) == 0,
          sprintf("funnel_tau2: %d groups (%d with tau2 = 0, %d NULL with fewer than two known units, %d units with unknowns left out) against FunnelPlotR's method, max relative difference %.3g",
                  nrow(got), sum(ref == 0, na.rm = TRUE), sum(is.na(ref)), sum(units$u > 0), max(d)),
          sprintf("group %d: got %s, R %s", got$grp[bad], fmt(got$tau2[bad]), fmt(ref[bad])))
  } else {
    skip("funnel_tau2")
  }

  # ---- funnel_z, funnel_p_value
  cases <- rcsv("r_fz.csv")
  if (has("funnel_z")) {
    got <- rcsv("r_fz_z_out.csv")
    got <- got[order(got$id), ]
    ref <- zscores_arcsine(cases$n, cases$x, cases$target)
    d <- rel(got$z, ref)
    # z near 0 loses relative precision in the difference of arcsines
    d <- ifelse(abs(ref) < 1e-6, abs(got$z - ref) / 1e-6, d)
    bad <- which(d > TOL)
    alt <- zscores_binomial(cases$n, cases$x, cases$target)
    check(nrow(got) == nrow(cases) && length(bad) == 0,
          sprintf("funnel_z: %d cases against FunnelPlotR's arcsine z-score, max relative difference %.3g",
                  nrow(got), max(d)),
          c(sprintf("x=%d n=%.0f target=%s: got %s, R %s (binomial z %s)", cases$x[bad],
                    cases$n[bad], fmt(cases$target[bad]), fmt(got$z[bad]), fmt(ref[bad]),
                    fmt(alt[bad]))))
    if (has("funnel_z_tau2")) {
      got <- rcsv("r_fz_zt_out.csv")
      got <- got[order(got$id), ]
      ref <- (asin(sqrt(cases$x / cases$n)) - asin(sqrt(cases$target))) /
        sqrt(1 / (4 * cases$n) + cases$tau2)
      d <- rel(got$z, ref)
      d <- ifelse(abs(ref) < 1e-6, abs(got$z - ref) / 1e-6, d)
      bad <- which(d > TOL)
      check(nrow(got) == nrow(cases) && length(bad) == 0,
            sprintf("funnel_z(s, target, tau2): %d cases (tau2 0 to 0.05) against FunnelPlotR's adjusted z-score, max relative difference %.3g",
                    nrow(got), max(d)),
            sprintf("x=%d n=%.0f target=%s tau2=%s: got %s, R %s", cases$x[bad], cases$n[bad],
                    fmt(cases$target[bad]), fmt(cases$tau2[bad]), fmt(got$z[bad]), fmt(ref[bad])))
    } else {
      skip("funnel_z(s, target, tau2)")
    }
  } else {
    skip("funnel_z")
  }
  # with unknowns, funnel_z and funnel_p_value are NULL (documented)
  if (has("funnel_z") || has("funnel_p_value")) {
    g <- rcsv("r_fz_unknown_out.csv")
    check(g$cases >= 100 && g$not_null == 0,
          sprintf("funnel_z and funnel_p_value are NULL for all %d summaries with unknowns (%d not NULL)",
                  g$cases, g$not_null))
  }
  if (has("funnel_p_value")) {
    got <- rcsv("r_fz_p_out.csv")
    got <- got[order(got$id), ]
    ref <- vapply(seq_len(nrow(cases)), function(i)
      binom.test(cases$x[i], cases$n[i], p = cases$target[i])$p.value, 0)
    under <- ref < 1e-290
    d <- rel(got$p, ref)
    d[under] <- ifelse(!is.na(got$p[under]) & got$p[under] < 1e-290, 0, Inf)
    bad <- which(d > TOL)
    check(nrow(got) == nrow(cases) && length(bad) == 0,
          sprintf("funnel_p_value: %d cases against binom.test, max relative difference %.3g (%d with p < 1e-9)",
                  nrow(got), max(d), sum(ref < 1e-9)),
          sprintf("x=%d n=%.0f target=%s: got %s, R %s", cases$x[bad], cases$n[bad],
                  fmt(cases$target[bad]), fmt(got$p[bad]), fmt(ref[bad])))
    # targets 0 and 1: the exact p-value is 1 or 0; an error (SQLSTATE
    # 22023) is also acceptable, a different number is not
    edge <- rcsv("r_fz_edge.csv")
    eg <- rcsv("r_fz_edge_out.csv")
    eg <- eg[order(eg$id), ]
    eg$state <- ifelse(is.na(eg$state), "", as.character(eg$state))
    ref <- vapply(seq_len(nrow(edge)), function(i)
      binom.test(edge$x[i], edge$n[i], p = edge$target[i])$p.value, 0)
    ok <- (eg$state == "22023") | (eg$state == "" & !is.na(eg$p) & eg$p == ref)
    check(nrow(eg) == nrow(edge) && all(ok),
          sprintf("funnel_p_value at targets 0 and 1: binom.test's exact 0 or 1, or an error 22023 (%s)",
                  paste(ifelse(eg$state == "", fmt(eg$p), eg$state), collapse = ", ")),
          sprintf("x=%d n=%d target=%s: got %s %s, R %s", edge$x[!ok], edge$n[!ok],
                  edge$target[!ok], fmt(eg$p[!ok]), eg$state[!ok], fmt(ref[!ok])))
  } else {
    skip("funnel_p_value")
  }
}

# The tau2 re-implementation, on an example worked by hand before it is
# trusted as a reference.  Five units around target 1/4 (asin(sqrt(1/4)) =
# pi/6); z_i = 2 sqrt(n_i) (asin(sqrt(y_i)) - pi/6):
#   n = 100, y = 1/4   z = 0
#   n = 100, y = 1/2   z = 20 (pi/4 - pi/6) = 5 pi / 3   =  5.235988
#   n = 400, y = 1/4   z = 0
#   n = 25,  y = 0     z = 10 (0 - pi/6) = -5 pi / 3      = -5.235988
#   n = 100, y = 3/4   z = 20 (pi/3 - pi/6) = 10 pi / 3   = 10.471976
# Sorted: -5pi/3, 0, 0, 5pi/3, 10pi/3.  Type-7 quantiles: 10% at position
# 1 + 0.4 = 1.4 -> -5pi/3 + 0.4 (5pi/3) = -pi; 90% at 1 + 3.6 = 4.6 ->
# 5pi/3 + 0.6 (5pi/3) = 8pi/3.  Winsorised: -pi, 5pi/3, 0, 0, 8pi/3.
# phi = (pi^2 (1 + 25/9 + 64/9)) / 5 = pi^2 (98/9) / 5 = 98 pi^2 / 45.
# k phi = 98 pi^2 / 9 = 107.47 >= k - 1 = 4, so the DerSimonian-Laird step
# applies.  w = 4n = 400, 400, 1600, 100, 400: sum 2900, sum w^2 =
# 3 * 160,000 + 2,560,000 + 10,000 = 3,050,000; sum w - sum w^2 / sum w =
# 2900 - 30500/29 = 53600/29.
# tau2 = (5 phi - 4) / (53600/29) = (98 pi^2 / 9 - 4) * 29 / 53600
#      = 0.05598...
hand_tau2 <- function() {
  n <- c(100, 100, 400, 25, 100); y <- c(1/4, 1/2, 1/4, 0, 3/4)
  list(n = n, x = n * y, t = 1/4, tau2 = (98 * pi^2 / 9 - 4) * 29 / 53600,
       phi = 98 * pi^2 / 45)
}

if (mode == "cases") {
  make_cases()
  h <- hand_tau2()
  wcsv(data.frame(grp = 1, target = h$t, n = h$n, x = h$x), "r_tau2_hand.csv")
} else {
  present <- if (length(args) >= 3 && file.exists(args[3])) readLines(args[3]) else character(0)
  h <- hand_tau2()
  ok <- abs(ref_tau2(h$n, h$x, h$t) - h$tau2) <= 1e-14 * h$tau2
  check(ok, sprintf("the R tau2 re-implementation gives the hand-worked %.10f on a five-unit example",
                    h$tau2))
  if ("funnel_tau2" %in% present) {
    g <- rcsv("r_tau2_hand_out.csv")
    check(nrow(g) == 1 && rel(g$tau2, h$tau2) <= TOL,
          sprintf("funnel_tau2 on the hand-worked example: got %s, by hand %s",
                  fmt(g$tau2), fmt(h$tau2)))
  }
  run_checks(present)
  cat(sprintf("# r_stats: %d passed, %d failed, %d skipped\n", passed, failed, skipped))
}
