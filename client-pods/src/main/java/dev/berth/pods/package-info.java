/**
 * Podman pods: {@link dev.berth.pods.PodService} creates, lists, inspects, starts, stops, kills
 * and removes them, creates and lists the containers inside them, and plays Kubernetes YAML
 * ({@code play kube}), through Podman's own (libpod) API. The client adds the engine's libpod version to each path
 * ({@code /v4.3.1/libpod/pods/json}); on Docker every call fails with
 * {@link dev.berth.client.UnsupportedEngineException} before its request is sent.
 *
 * <p>Conventions as in {@code dev.berth.networks}. <b>Options:</b> required arguments are
 * positional; optional parameters live in one immutable options class per operation named
 * {@code <Noun><Verb>Options} ({@code Pod} + {@code createContainer} =
 * {@link dev.berth.pods.PodCreateContainerOptions}) with a {@code DEFAULT}, {@code builder()},
 * {@code toBuilder()} and a {@code Consumer} overload. <b>Nulls:</b> arguments are non-null
 * unless their Javadoc says otherwise (a {@link java.lang.NullPointerException} naming the
 * parameter, thrown before anything is sent); builder methods taking an object accept null for
 * "not set". Results are never null: a missing pod is a {@link dev.berth.client.NotFoundException}
 * (or {@code false} from {@code exists}), a list with nothing in it is empty, and an answer
 * lacking what the API promises is a {@link dev.berth.client.MalformedResponseException}.
 * <b>Ownership:</b> nothing here holds a connection after a method returns.
 */
package dev.berth.pods;
