/**
 * Containers: list items of {@code GET /containers/json}, the create body
 * ({@link dev.berth.types.containers.ContainerCreateRequest} with
 * {@link dev.berth.types.containers.ContainerConfig} and
 * {@link dev.berth.types.containers.HostConfig}), inspection, update, top, changes, wait, prune,
 * stats and archive path stats. Records map the API's JSON one to one; fields an engine omits
 * decode as {@code null}, collections as empty.
 *
 * <p>Records that are sent as request bodies have builders whose methods are named after the
 * property ({@code image("busybox")}); a method taking a list or map replaces the value, a
 * singular one ({@code label(key, value)}) adds to it. They leave {@code null} values and empty
 * collections out of the JSON, because the engine reads those as "not set", and they carry fields
 * berth does not model in an {@code extra()} map that is merged into the JSON object.
 */
package dev.berth.types.containers;
