# Second oracle for mse_fit, in GNU R: stats::glm(family = poisson) on the
# capture patterns, independent of statsmodels (55-mse-oracle).
#
#   Rscript r_mse.R DIR    fit the data sets with R and with the extension on
#                          the server of PGHOST/PGPORT/PGDATABASE (through
#                          psql), compare, print ok/not ok lines
#
# The model: log E[y_c] = b0 + sum_i b_i x_ci + sum_(i,j) g_ij x_ci x_cj over
# the 2^k - 1 observable patterns (absent patterns count 0); the unobserved
# count is exp(b0), the estimate n + exp(b0), the AIC glm's.
#
# Profile-likelihood limits: for a fixed t = log N0 the model is refitted by
# glm with offset t and no intercept; the limits are the two roots of
# D(t) - D(t_hat) = qchisq(level, 1), found by stats::uniroot, and the limit
# is n + exp(t).  This is the interval doc/capture-recapture.md documents.
#
# The stepwise model RE-IMPLEMENTS OUR DOCUMENTED RULE (doc/capture-
# recapture.md, Silverman 2014): start from main effects; among the
# interactions not yet in the model whose two lists share an observed
# individual, take the one with the lowest AIC (first in (1,2), (1,3), ...
# order on ties); stop when its AIC is not lower than the current one or its
# Wald p-value (2 pnorm(-|z|), from summary.glm) exceeds 0.05 (or the
# threshold given), or when the model would have as many parameters as the
# table has cells.  Only the fitting and the Wald test come from R.  The
# documented rule also leaves out a candidate whose MLE does not exist (a
# linear-programming test); R has no LP solver in base, so this oracle does
# not re-implement that test, and its stepwise answer is only as good as
# the claim that every candidate it meets has an MLE.
#
# Tolerance: 1e-8 relative for the point estimate and the AIC (both
# implementations iterate to full convergence), 1e-7 for the limits (root
# finding on both sides).

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else tempdir()
SEED <- 20260102L
TOL_FIT <- 1e-8
TOL_LIMIT <- 1e-7
CTRL <- glm.control(epsilon = 1e-13, maxit = 200)

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

# ---- R side

read_table <- function(df) {
  k <- ncol(df) - 1
  pats <- as.matrix(expand.grid(rep(list(0:1), k)))
  pats <- pats[rowSums(pats) > 0, , drop = FALSE]
  key <- apply(pats, 1, paste, collapse = "")
  dkey <- apply(as.matrix(df[, 1:k]), 1, paste, collapse = "")
  y <- vapply(key, function(p) sum(df[[k + 1]][dkey == p]), 0)
  list(k = k, pats = pats, y = unname(y))
}

design <- function(pats, pairs) {
  X <- cbind(1, pats)
  for (p in pairs) X <- cbind(X, pats[, p[1]] * pats[, p[2]])
  unname(X)
}

fit <- function(tab, pairs) {
  X <- design(tab$pats, pairs)
  glm(tab$y ~ X - 1, family = poisson(), control = CTRL)
}

stepwise <- function(tab, threshold = 0.05) {
  k <- tab$k
  pairs <- list()
  cur <- fit(tab, pairs)
  cands <- list()
  for (i in 1:(k - 1)) for (j in (i + 1):k)
    if (sum(tab$y[tab$pats[, i] == 1 & tab$pats[, j] == 1]) > 0) cands <- c(cands, list(c(i, j)))
  key <- function(p) paste(p, collapse = ":")
  repeat {
    best <- NULL
    if (1 + k + length(pairs) + 1 >= length(tab$y)) break
    for (c in cands) {
      if (key(c) %in% vapply(pairs, key, "")) next
      r <- fit(tab, c(pairs, list(c)))
      if (is.null(best) || r$aic < best$fit$aic) best <- list(pair = c, fit = r)
    }
    if (is.null(best) || best$fit$aic >= cur$aic) break
    co <- summary(best$fit)$coefficients
    if (2 * pnorm(-abs(co[nrow(co), 3])) > threshold) break
    pairs <- c(pairs, list(best$pair))
    cur <- best$fit
  }
  list(pairs = pairs, fit = cur)
}

profile_limits <- function(tab, pairs, res, level = 0.95) {
  X <- design(tab$pats, pairs)[, -1, drop = FALSE]
  dmin <- deviance(res)
  crit <- qchisq(level, 1)
  excess <- function(t) {
    deviance(glm(tab$y ~ X - 1, family = poisson(), offset = rep(t, length(tab$y)),
                 control = CTRL)) - dmin - crit
  }
  t0 <- unname(coef(res)[1])
  se <- sqrt(diag(vcov(res)))[1]
  lo <- t0 - se; while (excess(lo) < 0) lo <- lo - se
  hi <- t0 + se; while (excess(hi) < 0) hi <- hi + se
  tl <- uniroot(excess, c(lo, t0), tol = 1e-14)$root
  tu <- uniroot(excess, c(t0, hi), tol = 1e-14)$root
  n <- sum(tab$y)
  c(n + exp(tl), n + exp(tu))
}

reference <- function(tab, model, threshold = 0.05) {
  if (model == "stepwise") {
    s <- stepwise(tab, threshold); pairs <- s$pairs; res <- s$fit
  } else if (model == "independence") {
    pairs <- list(); res <- fit(tab, pairs)
  } else {
    pairs <- lapply(strsplit(strsplit(model, ", *")[[1]], ":"), function(p) sort(as.integer(p)))
    res <- fit(tab, pairs)
  }
  n0 <- exp(unname(coef(res)[1]))
  lim <- profile_limits(tab, pairs, res)
  list(path = paste0("[", paste(vapply(pairs, paste, "", collapse = ":"), collapse = ", "), "]"),
       observed = sum(tab$y), unobserved = n0, estimate = sum(tab$y) + n0,
       aic = res$aic, lower = lim[1], upper = lim[2])
}

# ---- extension side

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

extension <- function(name, cols, model, threshold = NULL) {
  arr <- paste0("ARRAY[", paste0(cols, " = 1", collapse = ", "), "]")
  margs <- sprintf("'%s'", model)
  if (!is.null(threshold)) margs <- sprintf("%s, NULL, %s", margs, format(threshold))
  r <- psql(sprintf(paste(
    "SET extra_float_digits = 3;",
    "SELECT mse_observed(f), mse_unobserved(f), mse_estimate(f), mse_aic(f),",
    "       mse_lower(f), mse_upper(f), mse_model(f)",
    "  FROM (SELECT mse_fit(%s, count, %s) AS f FROM %s) s;"), arr, margs, name))
  if (!r$ok) return(list(error = paste(r$out, collapse = " ")))
  v <- strsplit(tail(r$out, 1), "|", fixed = TRUE)[[1]]
  list(observed = as.numeric(v[1]), unobserved = as.numeric(v[2]), estimate = as.numeric(v[3]),
       aic = as.numeric(v[4]), lower = as.numeric(v[5]), upper = as.numeric(v[6]), path = v[7])
}

compare <- function(label, df, name, models, threshold = NULL) {
  cols <- load_table(df, name)
  tab <- read_table(df)
  for (model in models) {
    ref <- reference(tab, model, if (is.null(threshold)) 0.05 else threshold)
    got <- extension(name, cols, model, threshold)
    what <- sprintf("%s, model %s%s", label, model,
                    if (is.null(threshold)) "" else sprintf(" (p_threshold %s)", format(threshold)))
    if (!is.null(got$error)) {
      check(FALSE, sprintf("%s: fitted", what), got$error)
      next
    }
    bad <- character(0)
    if (!identical(got$path, ref$path))
      bad <- c(bad, sprintf("interactions: extension %s, R %s", got$path, ref$path))
    if (got$observed != ref$observed)
      bad <- c(bad, sprintf("observed: extension %s, R %s", got$observed, ref$observed))
    worst <- 0
    for (key in c("unobserved", "estimate", "aic", "lower", "upper")) {
      tol <- if (key %in% c("lower", "upper")) TOL_LIMIT else TOL_FIT
      e <- abs(got[[key]] - ref[[key]]) / abs(ref[[key]])
      if (!is.finite(e) || e > tol)
        bad <- c(bad, sprintf("%s: extension %.17g, R %.17g (relative %.2g)", key,
                              got[[key]], ref[[key]], e))
      else worst <- max(worst, e)
    }
    check(length(bad) == 0,
          sprintf("%s: %s, estimate %.2f (%.2f to %.2f), unobserved, AIC agree (max relative difference %.2g)",
                  what, ref$path, ref$estimate, ref$lower, ref$upper, worst),
          paste(bad, collapse = "; "))
  }
}

# ---- data: the UK 2013 lists, and small seeded 3- and 4-list tables

set.seed(SEED, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")

small_table <- function(k, N) {
  p <- runif(k, 0.15, 0.6)
  pats <- as.matrix(expand.grid(rep(list(0:1), k)))
  pats <- pats[rowSums(pats) > 0, , drop = FALSE]
  mu <- N * apply(pats, 1, function(r) prod(ifelse(r == 1, p, 1 - p)))
  # a positive dependence between lists 1 and 2
  mu <- mu * ifelse(pats[, 1] == 1 & pats[, 2] == 1, 1.8, 1)
  df <- as.data.frame(pats)
  df$count <- rpois(nrow(pats), mu)
  df
}

uk5 <- read.csv("data/ukdat_5.csv")
compare("ukdat_5", uk5, "r_uk5", c("independence", "1:2, 2:5", "stepwise"))
uk6 <- read.csv("data/ukdat.csv")
compare("ukdat", uk6, "r_uk6", c("3:6, 1:2, 2:5", "stepwise"))
uk4 <- read.csv("data/ukdat_4.csv")
compare("ukdat_4", uk4, "r_uk4", c("independence", "stepwise"))

smalls <- list()
for (i in 1:4) {
  df <- small_table(3, sample(c(200, 1000, 5000), 1))
  smalls[[length(smalls) + 1]] <- list(df = df, name = sprintf("r_s3_%d", i))
  compare(sprintf("3 lists #%d (%s)", i, paste(df$count, collapse = " ")), df,
          sprintf("r_s3_%d", i), c("independence", "1:2", "1:2, 1:3", "stepwise"))
}
for (i in 1:3) {
  df <- small_table(4, sample(c(500, 3000), 1))
  smalls[[length(smalls) + 1]] <- list(df = df, name = sprintf("r_s4_%d", i))
  compare(sprintf("4 lists #%d (%s)", i, paste(df$count, collapse = " ")), df,
          sprintf("r_s4_%d", i), c("independence", "1:2, 3:4", "stepwise"))
}
# degenerate small tables: one person on one list only, and an empty cell
# where all three lists meet
df <- data.frame(V1 = c(1, 0, 0, 1, 1, 0, 1), V2 = c(0, 1, 0, 1, 0, 1, 1),
                 V3 = c(0, 0, 1, 0, 1, 1, 1), count = c(1, 40, 35, 6, 3, 9, 0))
compare("3 lists, sparse (1 40 35 6 3 9 0)", df, "r_sparse", c("independence", "1:2"))

# the stepwise threshold, when the five-argument mse_fit exists: a strict
# threshold that stops early and a loose one that goes on
present <- if (file.exists(file.path(dir, "present"))) readLines(file.path(dir, "present")) else character(0)
if ("mse_fit_threshold" %in% present) {
  for (th in c(0.001, 0.5)) {
    compare("ukdat_5", uk5, "r_uk5", "stepwise", th)
    compare("ukdat_4", uk4, "r_uk4", "stepwise", th)
    for (t in smalls)
      compare(sprintf("%s (%s)", t$name, paste(t$df$count, collapse = " ")), t$df, t$name,
              "stepwise", th)
  }
} else {
  skipped <- skipped + 1L
  cat("# skip mse_fit(..., p_threshold): function not present\n")
}
# two lists with nobody in common: the MLE does not exist.  R's glm runs
# the unobserved count off to infinity (exp(intercept) above 10^10, or no
# convergence); the extension must give no number and say why.
local({
  df <- data.frame(V1 = c(1, 0, 1), V2 = c(0, 1, 1), count = c(30, 20, 0))
  tab <- read_table(df)
  r <- suppressWarnings(glm(tab$y ~ design(tab$pats, list()) - 1, family = poisson(), control = CTRL))
  runaway <- !r$converged || exp(coef(r)[1]) > 1e10
  cols <- load_table(df, "r_nooverlap")
  if ("mse_status" %in% present) {
    q <- psql(paste("SELECT mse_estimate(f) IS NULL, mse_status(f) FROM",
                    "(SELECT mse_fit(ARRAY[l1 = 1, l2 = 1], count, 'independence') AS f FROM r_nooverlap) s;"))
    v <- strsplit(tail(q$out, 1), "|", fixed = TRUE)[[1]]
    check(runaway && q$ok && v[1] == "t" && v[2] == "no_overlap",
          sprintf("two lists with nobody in common: R's glm runs away (unobserved %.3g), the extension gives no estimate, status %s",
                  exp(coef(r)[1]), if (length(v) >= 2) v[2] else "?"),
          paste(q$out, collapse = " "))
  } else {
    skipped <<- skipped + 1L
    cat("# skip mse_status: function not present\n")
  }
})

# Chapman (1951): (n1 + 1)(n2 + 1) / (m + 1) - 1 and its variance
# (n1 + 1)(n2 + 1)(n1 - m)(n2 - m) / ((m + 1)^2 (m + 2)), the published
# formulas written out in R, over seeded random cases with m = 0 and
# m = min(n1, n2) among them, and counts up to 10^12
k <- 400
n1 <- floor(exp(runif(k, 0, log(1e12)))); n2 <- floor(exp(runif(k, 0, log(1e6))))
m <- floor(runif(k) * (pmin(n1, n2) + 1))
m[1:20] <- 0; m[21:40] <- pmin(n1, n2)[21:40]
ch <- data.frame(id = 1:k, n1 = n1, n2 = n2, m = m)
csv <- file.path(dir, "r_chapman.csv")
write.csv(as.data.frame(lapply(ch, function(v) sprintf("%.0f", v))), csv, row.names = FALSE,
          quote = FALSE)
r <- psql(sprintf(paste0("CREATE TABLE r_chapman (id int, n1 bigint, n2 bigint, m bigint);\n",
                         "\\copy r_chapman FROM '%s' WITH (FORMAT csv, HEADER)\n",
                         "SET extra_float_digits = 3;\n",
                         "SELECT id, chapman_estimate(n1, n2, m), chapman_variance(n1, n2, m) ",
                         "FROM r_chapman ORDER BY id;\n"), csv))
if (!r$ok) {
  check(FALSE, "chapman_estimate, chapman_variance: computed", paste(r$out, collapse = " "))
} else {
  v <- do.call(rbind, lapply(strsplit(r$out[nzchar(r$out) & grepl("|", r$out, fixed = TRUE)], "|", fixed = TRUE),
                             as.numeric))
  est <- (n1 + 1) * (n2 + 1) / (m + 1) - 1
  var <- (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1)^2 * (m + 2))
  de <- abs(v[, 2] - est) / est
  dv <- ifelse(var == 0, ifelse(v[, 3] == 0, 0, Inf), abs(v[, 3] - var) / var)
  bad <- which(de > 1e-12 | dv > 1e-12 | is.na(de) | is.na(dv))
  check(nrow(v) == k && length(bad) == 0,
        sprintf("chapman_estimate, chapman_variance: %d cases (m = 0 and m = min(n1, n2) among them) against Chapman's formulas, max relative difference %.2g",
                nrow(v), max(c(de, dv))),
        paste(sprintf("n1=%.0f n2=%.0f m=%.0f: got %.17g %.17g, R %.17g %.17g", n1[bad], n2[bad],
                      m[bad], v[bad, 2], v[bad, 3], est[bad], var[bad]), collapse = "; "))
}

cat(sprintf("# r_mse: %d passed, %d failed, %d skipped\n", passed, failed, skipped))
