package dev.berth.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against Docker Engine 28.5 (API 1.51) with the overlay2 (graph driver) image store,
 * the newer engine of the version matrix. Test methods may take a {@link TestEngine} parameter.
 * See {@link Docker28Extension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker28")
@ExtendWith(Docker28Extension.class)
public @interface Docker28Test {}
