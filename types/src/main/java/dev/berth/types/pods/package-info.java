/**
 * Podman pods as its own (libpod) API reports them ({@code GET /libpod/pods/json},
 * {@code GET /libpod/pods/{name}/json}) and the containers of a pod
 * ({@code GET /libpod/containers/json}). Records map the API's JSON one to one; fields an engine
 * omits decode as {@code null}, collections as empty.
 */
package dev.berth.types.pods;
