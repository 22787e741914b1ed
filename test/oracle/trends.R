#!/usr/bin/env Rscript
# GNU R oracle for the trend, change-interval, p-value adjustment and
# audit-sample functions (doc/trends.md).
#
#   Rscript test/oracle/trends.R              self-check of this file's own
#                                             Newcombe interval against the
#                                             paper's published examples
#   Rscript test/oracle/trends.R cases DIR    write seeded random cases to DIR
#   Rscript test/oracle/trends.R check DIR    compare DIR/*_out.csv (written
#                                             by the extension) with R
#
# Prints one "ok"/"not ok" line per check and ends with
# "RESULT: N passed, N failed".
#
# What is independent and what is not:
#  * p.adjust and prop.trend.test are R's own (stats package).
#  * The Newcombe hybrid score interval (Newcombe 1998, Statistics in
#    Medicine 17:873-890, method 10, no continuity correction) is not in
#    base R: newcombe() below RE-IMPLEMENTS THE PAPER'S FORMULA, with the
#    Wilson limits written as the roots of the paper's quadratic, not in
#    the centre +/- half-width form of src/core/binomial.c.
#  * The unknown-outcome rules (change interval corners; recording_trend
#    over every resolution, here by brute force over every total recorded)
#    RE-IMPLEMENT THE EXTENSION'S OWN DOCUMENTED RULE (doc/trends.md); R
#    supplies the statistics inside them.
#  * The Wilson interval of the audit-sample estimate comes from R's
#    prop.test(correct = FALSE).

args <- commandArgs(trailingOnly = TRUE)
mode <- if (length(args) >= 1) args[1] else "self"
dir <- if (length(args) >= 2) args[2] else "."

npass <- 0L
nfail <- 0L
report <- function(ok, what) {
	if (isTRUE(ok)) {
		cat("ok -", what, "\n")
		npass <<- npass + 1L
	} else {
		cat("not ok -", what, "\n")
		nfail <<- nfail + 1L
	}
}

# ---- Newcombe (1998) method 10, from the paper's formulas ----

# Wilson score limits: the roots of (p - x/n)^2 = z^2 p (1 - p) / n
wilson <- function(x, n, z) {
	p <- x / n
	a <- 2 * n * p + z^2
	b <- z * sqrt(z^2 + 4 * n * p * (1 - p))
	c((a - b) / (2 * (n + z^2)), (a + b) / (2 * (n + z^2)))
}

# interval for x1/n1 - x2/n2:
#   L = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), U = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
newcombe <- function(x1, n1, x2, n2, level = 0.95) {
	z <- qnorm((1 + level) / 2)
	w1 <- wilson(x1, n1, z)
	w2 <- wilson(x2, n2, z)
	p1 <- x1 / n1
	p2 <- x2 / n2
	d <- p1 - p2
	c(max(-1, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)),
	  min(1, d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))
}

# the extension's documented rule for unknowns (re-implemented):
# lower at (after worst, before best), upper at (after best, before worst)
change_interval <- function(bn, bx, bu, an, ax, au, level) {
	c(newcombe(ax, an, bx + bu, bn, level)[1],
	  newcombe(ax + au, an, bx, bn, level)[2])
}

# ---- recording_trend's rule (re-implemented), over prop.trend.test ----

# Every resolution of the unknowns, by brute force over the total recorded
# X = K + D (D = 0 .. U unknowns recorded): for each X the least and the
# greatest numerator T = sum (x_i + r_i - X n_i / N)(s_i - m) come from
# recording the D unknowns in the lowest-, resp. highest-scored periods
# first, and the statistic T^2 / (p (1 - p) Sxx), p = X / N, grows with |T|.
# Every X is evaluated (the extension evaluates only segment ends and
# vertices), so this also checks its shortcut.
trend_direction <- function(score, n, x, u, alpha) {
	keep <- n > 0
	if (length(unique(score[keep])) < 2) return("no_data")
	g <- aggregate(cbind(n, x, u) ~ score,
	               data.frame(score = score[keep], n = n[keep], x = x[keep], u = u[keep]), sum)
	N <- sum(g$n); K <- sum(g$x); U <- sum(g$u)
	d <- g$score - sum(g$n * g$score) / N
	sxx <- sum(g$n * d^2)
	D <- 0:U
	X <- K + D
	numerator <- function(ord) {
		before <- c(0, head(cumsum(g$u[ord]), -1))
		r <- sapply(seq_along(ord), function(j) pmin(pmax(D - before[j], 0), g$u[ord][j]))
		r <- matrix(r, nrow = length(D))
		sum(g$x * d) + as.vector(r %*% d[ord]) - X / N * sum(g$n * d)
	}
	decide <- function(t) {
		p <- X / N
		chisq <- t^2 / (p * (1 - p) * sxx)
		sig <- X > 0 & X < N & pchisq(chisq, 1, lower.tail = FALSE) < alpha
		list(up = sig & t > 0, down = sig & t < 0)
	}
	lo <- decide(numerator(seq_len(nrow(g))))          # least T at each X
	hi <- decide(numerator(rev(seq_len(nrow(g)))))     # greatest T at each X
	if (all(lo$up)) "improving"
	else if (all(hi$down)) "worsening"
	else if (!any(hi$up) && !any(lo$down)) "no_trend"
	else "undetermined"
}

# ---- self-check: Newcombe's published examples ----

if (mode == "self") {
	# Newcombe (1998), Table II, method 10: (x1, n1, x2, n2, lower, upper)
	published <- rbind(
		c(56, 70, 48, 80, 0.0524, 0.3339),
		c(9, 10, 3, 10, 0.1705, 0.8090),
		c(5, 56, 0, 29, -0.0381, 0.1926),
		c(0, 10, 0, 20, -0.1611, 0.2775),
		c(0, 10, 0, 10, -0.2775, 0.2775),
		c(10, 10, 0, 20, 0.6791, 1.0000),
		c(10, 10, 0, 10, 0.6075, 1.0000))
	for (i in seq_len(nrow(published))) {
		r <- published[i, ]
		ci <- round(newcombe(r[1], r[2], r[3], r[4]), 4)
		report(all(abs(ci - r[5:6]) < 1e-9),
		       sprintf("newcombe %d/%d - %d/%d = [%.4f, %.4f] (paper: [%.4f, %.4f])",
		               r[1], r[2], r[3], r[4], ci[1], ci[2], r[5], r[6]))
	}
	# prop.trend.test's documented example (smokers): X-squared = 8.2249
	t <- prop.trend.test(c(83, 90, 129, 70), c(86, 93, 136, 82))
	report(abs(t$statistic - 8.2249) < 5e-5, sprintf("prop.trend.test smokers X-squared %.4f", t$statistic))
	cat(sprintf("RESULT: %d passed, %d failed\n", npass, nfail))
	quit(status = if (nfail > 0) 1 else 0)
}

# ---- cases ----

methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "none", "fdr")

if (mode == "cases") {
	set.seed(20261201)
	dir.create(dir, showWarnings = FALSE, recursive = TRUE)
	fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))

	# p.adjust: 150 groups of 1 to 80 p-values (and three of 300 to 600 for
	# hommel's quadratic loop), with ties, NULLs, exact 0 and 1 and tiny values
	rows <- list()
	id <- 0L
	for (g in 1:153) {
		k <- if (g > 150) sample(300:600, 1) else sample(1:80, 1)
		p <- runif(k)^sample(c(1, 3, 8), 1)
		if (runif(1) < 0.5) p <- round(p, sample(1:3, 1))  # ties
		if (k > 3 && runif(1) < 0.3) p[sample(k, 2)] <- c(0, 1)
		if (k > 3 && runif(1) < 0.3) p[sample(k, 1)] <- 1e-300
		p[runif(k) < 0.1] <- NA
		ord <- sample(k)  # the window's ORDER BY column, unrelated to id
		rows[[g]] <- data.frame(grp = g, id = id + seq_len(k), ord = ord, p = fmt(p))
		id <- id + k
	}
	write.csv(do.call(rbind, rows), file.path(dir, "padjust.csv"), row.names = FALSE, quote = FALSE)

	# trend: 400 groups of 2 to 12 periods, scores integer, spaced, repeated
	# or fractional; some periods with unknowns
	rows <- list()
	for (g in 1:400) {
		k <- sample(2:12, 1)
		score <- switch(sample(4, 1), seq_len(k), sample(2000:2030, k), round(rnorm(k), 3),
		                sample(1:3, k, replace = TRUE))
		n <- sample(1:400, k, replace = TRUE)
		pr <- runif(1, 0.05, 0.95) + runif(1, -0.04, 0.04) * (score - mean(score)) / (sd(score) + 1e-9)
		pr <- pmin(0.98, pmax(0.02, pr))
		x <- rbinom(k, n, pr)
		u <- if (runif(1) < 0.5) rbinom(k, n - x, runif(1, 0, 0.15)) else rep(0L, k)
		rows[[g]] <- data.frame(grp = g, score = fmt(score), n = n, x = x, u = u)
	}
	write.csv(do.call(rbind, rows), file.path(dir, "trend.csv"), row.names = FALSE, quote = FALSE)

	# change interval: 1,000 pairs, some at 0 or n, some with unknowns
	m <- 1000
	bn <- sample(c(1:30, 31:5000), m, replace = TRUE)
	an <- sample(c(1:30, 31:5000), m, replace = TRUE)
	bx <- rbinom(m, bn, runif(m))
	ax <- rbinom(m, an, runif(m))
	bx[1:20] <- 0; ax[21:40] <- an[21:40]
	bu <- ifelse(runif(m) < 0.3, rbinom(m, bn - bx, 0.1), 0)
	au <- ifelse(runif(m) < 0.3, rbinom(m, an - ax, 0.1), 0)
	level <- sample(c(0.8, 0.9, 0.95, 0.99, 0.999), m, replace = TRUE)
	write.csv(data.frame(id = 1:m, bn, bx, bu, an, ax, au, level = fmt(level)),
	          file.path(dir, "change.csv"), row.names = FALSE, quote = FALSE)

	# audit samples: 500 samples, recorded > 0
	m <- 500
	n <- sample(20:3000, m, replace = TRUE)
	x <- pmax(1, rbinom(m, n, runif(m, 0.5, 0.99)))
	u <- ifelse(runif(m) < 0.3, rbinom(m, n - x, 0.2), 0)
	total <- sample(100:500000, m, replace = TRUE)
	level <- sample(c(0.9, 0.95, 0.99), m, replace = TRUE)
	write.csv(data.frame(id = 1:m, n, x, u, total, level = fmt(level)),
	          file.path(dir, "audit.csv"), row.names = FALSE, quote = FALSE)
	quit(status = 0)
}

# ---- check ----

if (mode != "check") stop("usage: trends.R [cases DIR | check DIR]")

rel_ok <- function(got, want, tol) {
	both_na <- is.na(got) & is.na(want)
	same <- !is.na(got) & !is.na(want) & (got == want | abs(got - want) <= tol * abs(want))
	both_na | same
}
relerr <- function(got, want) {
	e <- ifelse(is.na(got) | is.na(want) | want == 0, 0, abs(got - want) / abs(want))
	max(c(0, e))
}

# p.adjust: 1e-12 relative, NULL exactly where R has NA
inp <- read.csv(file.path(dir, "padjust.csv"))
out <- read.csv(file.path(dir, "padjust_out.csv"))
for (meth in methods) {
	o <- out[out$method == meth, ]
	o <- o[order(o$id), ]
	want <- numeric(0)
	got <- numeric(0)
	bad <- 0L
	for (g in unique(inp$grp)) {
		pi <- inp[inp$grp == g, ]
		pi <- pi[order(pi$id), ]
		w <- p.adjust(pi$p, meth)
		gg <- o$adjusted[o$grp == g]
		if (length(gg) != length(w) || !all(rel_ok(gg, w, 1e-12))) {
			bad <- bad + 1L
			if (bad <= 3) cat("#   p.adjust", meth, "group", g, "differs\n")
		}
		want <- c(want, w)
		got <- c(got, if (length(gg) == length(w)) gg else rep(NA, length(w)))
	}
	report(bad == 0 && length(want) > 0,
	       sprintf("p.adjust %s: %d groups, %d values, %d NULL, max rel err %.2g",
	               meth, length(unique(inp$grp)), length(want), sum(is.na(want)), relerr(got, want)))
}

# prop.trend.test: p-values to 1e-9 relative; recording_trend by the rule
inp <- read.csv(file.path(dir, "trend.csv"))
out <- read.csv(file.path(dir, "trend_out.csv"), stringsAsFactors = FALSE)
bad_p <- 0L; bad_dir <- 0L; nnull <- 0L; maxe <- 0
for (g in unique(inp$grp)) {
	t <- inp[inp$grp == g, ]
	o <- out[out$grp == g, ]
	if (any(t$u > 0) || length(unique(t$score)) < 2 || sum(t$x) == 0 || sum(t$x) == sum(t$n)) {
		want <- NA
	} else {
		want <- suppressWarnings(prop.trend.test(t$x, t$n, t$score)$p.value)
	}
	if (is.na(want)) nnull <- nnull + 1L
	if (!rel_ok(o$p, want, 1e-9)) {
		bad_p <- bad_p + 1L
		if (bad_p <= 3) cat("#   trend group", g, "p", o$p, "R", want, "\n")
	} else if (!is.na(want) && want != 0) maxe <- max(maxe, abs(o$p - want) / want)
	for (a in c(0.05, 0.01)) {
		d <- trend_direction(t$score, t$n, t$x, t$u, a)
		got <- if (a == 0.05) o$dir05 else o$dir01
		if (d != got) {
			bad_dir <- bad_dir + 1L
			if (bad_dir <= 3) cat("#   trend group", g, "alpha", a, "direction", got, "rule", d, "\n")
		}
	}
}
report(bad_p == 0, sprintf("prop.trend.test: %d groups (%d NULL), max rel err %.2g", length(unique(inp$grp)), nnull, maxe))
report(bad_dir == 0, sprintf("recording_trend at alpha 0.05 and 0.01: %d groups, rule re-implemented over prop.trend.test", length(unique(inp$grp))))

# the same, ungrouped over every case (run as a parallel partial aggregate):
# trend_p_value over the recorded counts alone (unknowns dropped), the
# direction with the unknowns
o <- read.csv(file.path(dir, "trend_all_out.csv"), stringsAsFactors = FALSE)
want <- suppressWarnings(prop.trend.test(inp$x, inp$n, inp$score)$p.value)
report(rel_ok(o$p, want, 1e-9), sprintf("prop.trend.test over all %d periods: %.6g (R %.6g)", nrow(inp), o$p, want))
d05 <- trend_direction(inp$score, inp$n, inp$x, inp$u, 0.05)
d01 <- trend_direction(inp$score, inp$n, inp$x, inp$u, 0.01)
report(o$dir05 == d05 && o$dir01 == d01,
       sprintf("recording_trend over all periods: %s, %s (rule: %s, %s)", o$dir05, o$dir01, d05, d01))

# Newcombe: 1e-12 absolute (both ends lie in [-1, 1])
inp <- read.csv(file.path(dir, "change.csv"))
out <- read.csv(file.path(dir, "change_out.csv"))
out <- out[order(out$id), ]
bad <- 0L; maxe <- 0
for (i in seq_len(nrow(inp))) {
	r <- inp[i, ]
	w <- change_interval(r$bn, r$bx, r$bu, r$an, r$ax, r$au, r$level)
	e <- max(abs(c(out$lower[i], out$upper[i]) - w))
	maxe <- max(maxe, e)
	if (!(e <= 1e-12)) {
		bad <- bad + 1L
		if (bad <= 3) cat("#   change", r$id, "got", out$lower[i], out$upper[i], "R", w, "\n")
	}
}
report(bad == 0, sprintf("Newcombe hybrid score interval (paper's formula): %d pairs, max abs err %.2g", nrow(inp), maxe))

# audit samples: Wilson from prop.test(correct = FALSE), 1e-9 relative
inp <- read.csv(file.path(dir, "audit.csv"))
out <- read.csv(file.path(dir, "audit_out.csv"))
out <- out[order(out$id), ]
bad <- 0L; maxe <- 0
for (i in seq_len(nrow(inp))) {
	r <- inp[i, ]
	worst <- prop.test(r$x, r$n, conf.level = r$level, correct = FALSE)$conf.int
	best <- prop.test(r$x + r$u, r$n, conf.level = r$level, correct = FALSE)$conf.int
	f <- function(q) r$total * (1 - q) / q
	w <- c(r$total * (r$n - r$x) / r$x, f(best[2]), f(worst[1]))
	g <- c(out$estimate[i], out$lower[i], out$upper[i])
	e <- max(ifelse(w == 0, abs(g), abs(g - w) / w))
	maxe <- max(maxe, e)
	if (!(e <= 1e-9)) {
		bad <- bad + 1L
		if (bad <= 3) cat("#   audit", r$id, "got", g, "R", w, "\n")
	}
}
report(bad == 0, sprintf("unrecorded_estimate and interval (Wilson of prop.test): %d samples, max rel err %.2g", nrow(inp), maxe))

cat(sprintf("RESULT: %d passed, %d failed\n", npass, nfail))
quit(status = if (nfail > 0) 1 else 0)
