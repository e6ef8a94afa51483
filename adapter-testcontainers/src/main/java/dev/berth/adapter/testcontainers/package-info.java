/**
 * Testcontainers on berth: {@link dev.berth.adapter.testcontainers.BerthClientProviderStrategy},
 * registered for {@link java.util.ServiceLoader}, finds the engine with berth's discovery and
 * hands Testcontainers a docker-java client over berth's transports. Class path only: the jar
 * carries {@code Automatic-Module-Name: dev.berth.adapter.testcontainers}, but Testcontainers
 * itself has no module name to require.
 */
package dev.berth.adapter.testcontainers;
