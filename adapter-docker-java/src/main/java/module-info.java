/**
 * docker-java on berth's transports: {@link dev.berth.adapter.dockerjava.BerthDockerHttpClient}
 * is a {@code com.github.dockerjava.transport.DockerHttpClient} over any berth
 * {@link dev.berth.transport.Doer}. docker-java-transport is an automatic module
 * ({@code com.github.dockerjava.transport}, from its manifest).
 */
module dev.berth.adapter.dockerjava {
  requires transitive dev.berth.transport;
  requires transitive com.github.dockerjava.transport;

  exports dev.berth.adapter.dockerjava;
}
