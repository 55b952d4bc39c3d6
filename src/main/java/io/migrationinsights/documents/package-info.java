/**
 * What every generated document shares (the monthly return, the benefits
 * report, table exports): byte-stable zip packages, formula-safe cell text,
 * the embedded font, the shared workbook styles, and {@link
 * io.migrationinsights.documents.TableWorkbook}, which writes any table (a
 * page's, or a long list of the API) as a streamed one-sheet workbook.
 * (The SHA-256 that seals a version is {@link io.migrationinsights.system.Sha256}.)
 */
package io.migrationinsights.documents;
