/**
 * docker-java's transport SPI served by berth: {@link dev.berth.adapter.dockerjava.BerthDockerHttpClient}
 * lets {@code DockerClientImpl.getInstance(config, httpClient)} talk through a berth
 * {@link dev.berth.transport.Doer}, so docker-java code gets berth's Unix socket (JDK channels),
 * TLS, SSH and decorators without being rewritten. Arguments are non-null (a null is a
 * {@link java.lang.NullPointerException}); the responses handed to docker-java must be closed,
 * which docker-java does.
 */
package dev.berth.adapter.dockerjava;
