package io.migrationinsights.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every REST method says who may call it: one without a security annotation
 * (on itself or its class) fails here, before deny-unannotated-endpoints turns
 * it into a surprise 403 in production. Scans the compiled main classes.
 */
class SecurityAnnotationTest {

    static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class);
    static final List<Class<? extends Annotation>> SECURITY = List.of(RolesAllowed.class, PermitAll.class,
            DenyAll.class, Authenticated.class);

    @Test
    void everyResourceMethodCarriesASecurityAnnotation() {
        List<String> unguarded = new ArrayList<>();
        int methods = 0;
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().anyMatch(m::isAnnotationPresent)) {
                    methods++;
                    if (!guarded(m) && !guarded(type)) {
                        unguarded.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertTrue(methods >= 25, "the scan found the resource methods (" + methods + ")");
        assertEquals(List.of(), unguarded, "resource methods without @RolesAllowed, @PermitAll, @DenyAll or @Authenticated");
    }

    private static boolean guarded(AnnotatedElement element) {
        return SECURITY.stream().anyMatch(element::isAnnotationPresent);
    }

    private static List<Class<?>> resourceClasses() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(SecurityAnnotationTest.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).resolveSibling("classes");
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .map(SecurityAnnotationTest::load)
                        .filter(c -> c != null && c.isAnnotationPresent(Path.class))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SecurityAnnotationTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
