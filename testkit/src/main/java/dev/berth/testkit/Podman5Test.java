package dev.berth.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against Podman 5 (Debian sid's, libpod API 5.x, Docker-compatible
 * API 1.44), the newer Podman of the version matrix. Test methods may take a {@link TestEngine}
 * parameter. See {@link Podman5Extension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("podman5")
@ExtendWith(Podman5Extension.class)
public @interface Podman5Test {}
