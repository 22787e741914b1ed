# Oracle for mse_fit(..., 'sparsemse'), in GNU R (55-mse-oracle).
#
#   Rscript r_sparsemse.R          print the rule's choice on the UK data
#   Rscript r_sparsemse.R DIR      also compare with the extension on the
#                                  server of PGHOST/PGPORT/PGDATABASE
#                                  (through psql); ok/not ok lines, then
#                                  "# r_sparsemse: P passed, F failed, S skipped"
#
# This is a RE-IMPLEMENTATION, written for this test, of the stepwise rule
# of the R package SparseMSE (Chan, Silverman and Vincent; function
# stepwisefit, with modelfit, buildmodel and checkident), read from its
# source; SparseMSE itself is not installed here.  What comes from R is
# glm(family = poisson) for every fit, ppois for the p-values, qr for the
# rank and boot::simplex for the linear program.  The rule:
#
#   * start from the main effects;
#   * for every two-list interaction i:j not yet in the model, n_ij is the
#     number of people on both lists (whatever other lists they are on) and
#     mu_ij the fitted count of those cells under the current model; the
#     p-value is min(ppois(n_ij, mu_ij), ppois(n_ij - 1, mu_ij, upper));
#   * a candidate whose model fails checkident (the linear-programming test
#     of Fienberg and Rinaldo that the MLE exists, or a rank-deficient
#     design) gets p = 1;
#   * the candidate with the smallest p-value (the first in the order 1:2,
#     1:3, ..., 2:3, ... on ties) is added if p < pthresh (0.02 unless
#     given), else the search stops;
#   * with pthresh = 1 the model with every interaction is taken when it
#     passes checkident;
#   * SparseMSE handles a pair of lists with nobody in common (an "empty
#     overlap") by leaving the cells holding both lists out of the fit and
#     adding 2 to the AIC per such pair; this oracle does the same, so that
#     it knows when the rule would add one.  The extension does not fit such
#     models: there it must give no figures and the status no_overlap.
#
# The checkident linear program: the MLE exists iff max t subject to
# A v + t A 1 = A y, v >= 0, t >= 0 (A the transposed design) is positive
# (> 1e-7 here; SparseMSE asks lpSolve for objval != 0).
#
# Tolerances: 1e-8 relative for the unobserved count and the AIC (both
# sides iterate to full convergence).

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else NA
TOL <- 1e-8
CTRL <- glm.control(epsilon = 1e-13, maxit = 200)
SEED <- 20261206L

passed <- 0L; failed <- 0L; skipped <- 0L
check <- function(ok, label, detail = "") {
  if (isTRUE(ok)) {
    passed <<- passed + 1L
    cat(sprintf("ok %d - %s\n", passed + failed, label))
  } else {
    failed <<- failed + 1L
    cat(sprintf("not ok %d - %s\n", passed + failed, label))
    if (nzchar(detail)) cat("#   ", detail, "\n", sep = "")
  }
}

# ---- the rule

read_table <- function(df) {
  k <- ncol(df) - 1
  pats <- as.matrix(expand.grid(rep(list(0:1), k)))
  pats <- pats[rowSums(pats) > 0, , drop = FALSE]
  key <- apply(pats, 1, paste, collapse = "")
  dkey <- apply(as.matrix(df[, 1:k]), 1, paste, collapse = "")
  y <- vapply(key, function(p) sum(df[[k + 1]][dkey == p]), 0)
  list(k = k, pats = unname(pats), y = unname(y))
}

both <- function(tab, p) tab$pats[, p[1]] == 1 & tab$pats[, p[2]] == 1
overlap <- function(tab, p) sum(tab$y[both(tab, p)])

# design and rows of a model; the cells of an empty pair leave the fit
build <- function(tab, pairs) {
  keep <- rep(TRUE, length(tab$y)); full <- list(); empty <- 0
  for (p in pairs) {
    if (overlap(tab, p) == 0) {
      empty <- empty + 1
      keep <- keep & !both(tab, p)
    } else full <- c(full, list(p))
  }
  X <- cbind(1, tab$pats)
  for (p in full) X <- cbind(X, tab$pats[, p[1]] * tab$pats[, p[2]])
  list(X = unname(X[keep, , drop = FALSE]), y = tab$y[keep], keep = keep, empty = empty,
       nonempty = full)
}

checkident <- function(tab, pairs) {
  b <- build(tab, pairs)
  if (qr(b$X)$rank < ncol(b$X)) return(FALSE)
  A <- t(b$X)
  s <- boot::simplex(a = c(rep(0, ncol(A)), 1), A3 = cbind(A, rowSums(A)),
                     b3 = drop(A %*% b$y), maxi = TRUE)
  s$solved == 1 && s$value > 1e-7
}

modelfit <- function(tab, pairs) {
  b <- build(tab, pairs)
  f <- glm(b$y ~ b$X - 1, family = poisson(), control = CTRL)
  list(fit = f, b = b, aic = f$aic + 2 * b$empty)
}

sparsemse <- function(tab, pthresh = 0.02) {
  k <- tab$k
  ints <- list()
  for (i in 1:(k - 1)) for (j in (i + 1):k) ints <- c(ints, list(c(i, j)))
  if (pthresh == 1 && checkident(tab, ints))
    return(list(pairs = ints, fit = modelfit(tab, ints)))
  nstar <- vapply(ints, function(p) overlap(tab, p), 0)
  used <- rep(FALSE, length(ints))
  pairs <- list()
  cur <- modelfit(tab, pairs)
  for (cycle in seq_along(ints)) {
    mu <- fitted(cur$fit)
    pats <- tab$pats[cur$b$keep, , drop = FALSE]
    pv <- rep(1, length(ints))
    for (j in seq_along(ints)) if (!used[j]) {
      p <- ints[[j]]
      pstar <- sum(mu * pats[, p[1]] * pats[, p[2]])
      pv[j] <- min(ppois(nstar[j], pstar), ppois(nstar[j] - 1, pstar, lower.tail = FALSE))
      if (!checkident(tab, c(pairs, list(p)))) pv[j] <- 1
    }
    if (min(pv) >= pthresh) break
    j <- which(pv == min(pv))[1]
    pairs <- c(pairs, list(ints[[j]]))
    used[j] <- TRUE
    cur <- modelfit(tab, pairs)
  }
  list(pairs = pairs, fit = cur)
}

describe <- function(tab, s) {
  co <- coef(s$fit$fit)
  se <- sqrt(summary(s$fit$fit)$cov.unscaled[1, 1])
  n <- sum(tab$y)
  list(path = paste0("[", paste(vapply(s$pairs, paste, "", collapse = ":"), collapse = ", "), "]"),
       empty = s$fit$b$empty, observed = n, unobserved = exp(unname(co[1])),
       estimate = n + exp(unname(co[1])), aic = s$fit$aic,
       # SparseMSE's own interval (estimatepopulation.0): normal on log N0
       ci = n + exp(qnorm(c(0.025, 0.975), unname(co[1]), se)))
}

# ---- the extension

psql <- function(sql) {
  out <- suppressWarnings(system2("psql", c("-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"),
                                  input = sql, stdout = TRUE, stderr = TRUE))
  status <- attr(out, "status")
  list(ok = is.null(status) || status == 0, out = out)
}

load_table <- function(df, name) {
  cols <- paste0("l", seq_len(ncol(df) - 1))
  csv <- file.path(dir, paste0(name, ".csv"))
  names(df) <- c(cols, "count")
  write.csv(as.data.frame(lapply(df, function(v) sprintf("%.0f", v))), csv,
            row.names = FALSE, quote = FALSE)
  r <- psql(sprintf("DROP TABLE IF EXISTS %s; CREATE TABLE %s (%s, count bigint);\n\\copy %s FROM '%s' WITH (FORMAT csv, HEADER)\n",
                    name, name, paste(cols, "int", collapse = ", "), name, csv))
  if (!r$ok) stop(paste(r$out, collapse = "\n"))
  cols
}

extension <- function(name, cols, threshold) {
  arr <- paste0("ARRAY[", paste0(cols, " = 1", collapse = ", "), "]")
  margs <- if (is.null(threshold)) "'sparsemse'" else sprintf("'sparsemse', NULL, %s", format(threshold))
  r <- psql(sprintf(paste(
    "SET extra_float_digits = 3;",
    "SELECT mse_status(f), mse_unobserved(f), mse_estimate(f), mse_aic(f), mse_model(f)",
    "  FROM (SELECT mse_fit(%s, count, %s) AS f FROM %s) s;"), arr, margs, name))
  if (!r$ok) return(list(error = paste(r$out, collapse = " ")))
  v <- strsplit(tail(r$out, 1), "|", fixed = TRUE)[[1]]
  list(status = v[1], unobserved = as.numeric(v[2]), estimate = as.numeric(v[3]),
       aic = as.numeric(v[4]), path = v[5])
}

compare <- function(label, df, name, threshold = NULL) {
  tab <- read_table(df)
  ref <- describe(tab, sparsemse(tab, if (is.null(threshold)) 0.02 else threshold))
  what <- sprintf("%s, sparsemse%s", label,
                  if (is.null(threshold)) "" else sprintf(" (p_threshold %s)", format(threshold)))
  if (is.na(dir)) {
    cat(sprintf("%s: %s, unobserved %.15g, estimate %.15g, AIC %.15g; SparseMSE's 95%% interval %.2f to %.2f\n",
                what, ref$path, ref$unobserved, ref$estimate, ref$aic, ref$ci[1], ref$ci[2]))
    return(invisible(ref))
  }
  cols <- load_table(df, name)
  got <- extension(name, cols, threshold)
  if (!is.null(got$error)) {
    check(FALSE, sprintf("%s: fitted", what), got$error)
    return(invisible(ref))
  }
  if (ref$empty > 0) {
    # the rule added a pair with nobody in common: no figures here
    check(got$status == "no_overlap" && is.na(got$estimate),
          sprintf("%s: the rule adds an empty-overlap pair (%s in R); the extension gives no figures, status %s",
                  what, ref$path, got$status))
    return(invisible(ref))
  }
  bad <- character(0)
  if (!identical(got$path, ref$path))
    bad <- c(bad, sprintf("interactions: extension %s, R %s", got$path, ref$path))
  worst <- 0
  for (key in c("unobserved", "estimate", "aic")) {
    e <- abs(got[[key]] - ref[[key]]) / abs(ref[[key]])
    if (!is.finite(e) || e > TOL)
      bad <- c(bad, sprintf("%s: extension %.17g, R %.17g", key, got[[key]], ref[[key]]))
    else worst <- max(worst, e)
  }
  check(length(bad) == 0,
        sprintf("%s: %s, estimate %.6f, AIC %.6f agree (max relative difference %.2g)",
                what, ref$path, ref$estimate, ref$aic, worst),
        paste(bad, collapse = "; "))
  invisible(ref)
}

# ---- data

uk6 <- read.csv("data/ukdat.csv")
uk5 <- read.csv("data/ukdat_5.csv")
uk4 <- read.csv("data/ukdat_4.csv")
for (th in list(NULL, 0.1, 0.001, 1)) {
  compare("UKdat", uk6, "sp_uk6", th)
  compare("UKdat_5", uk5, "sp_uk5", th)
  compare("UKdat_4", uk4, "sp_uk4", th)
}
# three lists, every pair dependent: nothing at 0.02, the saturated
# model (7 parameters, 7 cells) at 0.5
sat <- data.frame(as.matrix(expand.grid(0:1, 0:1, 0:1))[-1, ], count = c(50, 60, 40, 70, 45, 50, 100))
compare("3 lists (50 60 40 70 45 50 100)", sat, "sp_sat")
compare("3 lists (50 60 40 70 45 50 100)", sat, "sp_sat", 0.5)
# lists 1 and 3 share nobody, though the model expects about 14 on both:
# the rule would add 1:3 as an empty overlap
empty <- data.frame(as.matrix(expand.grid(0:1, 0:1, 0:1))[-1, ], count = c(60, 50, 20, 40, 0, 30, 0))
compare("3 lists, 1 and 3 disjoint (60 50 20 40 0 30 0)", empty, "sp_empty")

set.seed(SEED, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")
small_table <- function(k, N) {
  p <- runif(k, 0.1, 0.5)
  pats <- as.matrix(expand.grid(rep(list(0:1), k)))
  pats <- pats[rowSums(pats) > 0, , drop = FALSE]
  mu <- N * apply(pats, 1, function(r) prod(ifelse(r == 1, p, 1 - p)))
  mu <- mu * ifelse(pats[, 1] == 1 & pats[, 2] == 1, 2.5, 1)
  mu <- mu * ifelse(pats[, k - 1] == 1 & pats[, k] == 1, 0.4, 1)
  df <- as.data.frame(pats)
  df$count <- rpois(nrow(pats), mu)
  df
}
for (i in 1:6) {
  k <- c(3, 4, 4, 5, 5, 6)[i]
  df <- small_table(k, c(300, 1000, 3000, 2000, 5000, 8000)[i])
  compare(sprintf("%d lists #%d", k, i), df, sprintf("sp_r%d", i))
  compare(sprintf("%d lists #%d", k, i), df, sprintf("sp_r%d", i), 0.2)
}

if (!is.na(dir)) cat(sprintf("# r_sparsemse: %d passed, %d failed, %d skipped\n", passed, failed, skipped))
