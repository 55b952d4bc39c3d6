/**
 * What every generated document shares (the monthly return, the benefits
 * report): byte-stable zip packages, formula-safe cell text and the embedded font.
 * (The SHA-256 that seals a version is {@link io.migrationinsights.system.Sha256}.)
 */
package io.migrationinsights.documents;
