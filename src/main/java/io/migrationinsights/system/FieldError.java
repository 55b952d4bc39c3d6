package io.migrationinsights.system;

/**
 * One refused field of a request: a property of the JSON body (dotted for
 * nested ones) or a path or query parameter, and what is wrong with it.
 */
public record FieldError(String field, String message) {
}
