package dev.berth.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the real Podman test engine (its Docker-compatible and
 * libpod APIs). Test methods may take a {@link TestEngine} parameter. See {@link PodmanExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("podman")
@ExtendWith(PodmanExtension.class)
public @interface PodmanTest {}
