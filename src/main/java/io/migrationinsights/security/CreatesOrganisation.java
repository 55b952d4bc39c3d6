package io.migrationinsights.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one endpoint whose {@code {ods}} may name an organisation that does
 * not exist yet (it creates it): {@link OrganisationAccessFilter} then checks
 * the grants only.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CreatesOrganisation {
}
