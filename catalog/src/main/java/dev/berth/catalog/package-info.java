/**
 * The operation catalog: every operation of each supported Docker Engine API version
 * (1.41, 1.44, 1.47, 1.51, 1.56) and Podman version (4.3.1, 5.8.1, 6.0.0, its Docker-compatible and
 * {@code libpod/} categories), to list by category, describe (method, path template, parameters,
 * documentation link) and invoke by id through an {@link dev.berth.client.EngineClient}.
 *
 * <p>Null policy: arguments are non-null ({@link java.lang.NullPointerException} otherwise);
 * results are never null (empty lists, empty text). Bad input (an unknown operation, a missing,
 * unknown or ill-typed parameter) is an {@link java.lang.IllegalArgumentException} subclass that
 * names the valid choices; what the engine answers is one of the typed errors of
 * {@link dev.berth.client}.
 */
package dev.berth.catalog;
