/**
 * Charts from metric objects (JFreeChart), defined once and drawn for every
 * output: PNG in workbooks, vectors in PDFs, SVG for browser pages.
 */
package io.migrationinsights.charts;
