# Reference for sql/flags_exhaustive.sql: every unknown-free table of three
# periods with 4, 6 and 4 referrals, under two sets of scores, with R's
# prop.trend.test p-value and the direction at alpha 0.05 and 0.2 (p < alpha,
# the sign of sum (x - p n)(score - mean score)).  A table whose referrals all
# have the same outcome has no test (R stops): p NULL, no_trend.
#   Rscript test/oracle/flags_trend.R > rows.sql
n <- c(4, 6, 4)
sets <- list(A = c(1, 2, 3), B = c(1, 2, 4))
dir <- function(p, s, alpha)
  if (is.na(p) || p >= alpha) "no_trend" else if (s > 0) "improving" else "worsening"
rows <- character(0)
for (set in names(sets)) {
  sc <- sets[[set]]
  for (x1 in 0:n[1]) for (x2 in 0:n[2]) for (x3 in 0:n[3]) {
    x <- c(x1, x2, x3)
    if (sum(x) == 0 || sum(x) == sum(n)) {
      p <- NA; s <- 0
    } else {
      p <- suppressWarnings(prop.trend.test(x, n, sc)$p.value)
      m <- sum(n * sc) / sum(n)
      s <- sum((x - sum(x) / sum(n) * n) * (sc - m))
    }
    rows <- c(rows, sprintf("('%s', %d, %d, %d, %s, '%s', '%s')", set, x1, x2, x3,
                            if (is.na(p)) "NULL" else sprintf("%.17g", p),
                            dir(p, s, 0.05), dir(p, s, 0.2)))
  }
}
cat("INSERT INTO trend_r VALUES\n", paste(rows, collapse = ",\n"), ";\n", sep = "")
