# Regenerates the file data sets of this folder from R's own `datasets` package (see README.md here):
#   Rscript training-data/make-files.R        (from the repository root; Debian: apt-get install r-base-core)
# Each file holds two columns of a classic table, standardised: z = (v - mean(v)) / sd(v), sd with n - 1, rounded to
# 4 decimals, so that every set sits at unit scale in the page's [-3, 3]^2 view. A header line names the columns.

write_points <- function(table, columns, header, file) {
  z <- scale(as.matrix(table[, columns]))
  writeLines(c(header, sprintf("%.4f,%.4f", z[, 1], z[, 2])), file)
}

here <- "training-data"
# Old Faithful geyser, Yellowstone: eruption time and waiting time to the next eruption, minutes (272 rows).
write_points(datasets::faithful, c("eruptions", "waiting"), "eruptions_z,waiting_z", file.path(here, "faithful.csv"))
# Fisher's irises: petal length and petal width, cm (150 rows, three species; many repeated pairs).
write_points(datasets::iris, c("Petal.Length", "Petal.Width"), "petal_length_z,petal_width_z",
             file.path(here, "iris.csv"))
