/**
 * Report files for CI and people. {@link io.devmsan.report.ReportSet} is the main class: it reads
 * report files (JSON, one per JVM, see docs/report-format.md), merges them by fingerprint and
 * renders the merged JSON, SARIF 2.1.0 ({@code SarifReport}) and a self-contained HTML page
 * ({@code HtmlReport}, {@code TimelineSvg}). The runtime uses the same classes to write each
 * JVM's files ({@link io.devmsan.report.ReportFiles}, {@link io.devmsan.report.SourceLocator},
 * {@link io.devmsan.report.TextReportFile}); the command line adds {@link io.devmsan.report.Baseline}.
 *
 * <p>No JSON library: {@code JsonReader} and {@code JsonWriter} are small and strict.
 */
package io.devmsan.report;
