/**
 * Containers as the engine reports them: list items of {@code GET /containers/json} and the
 * pieces shared with container inspection (ports, mounts, network endpoints). Records map the
 * API's JSON one to one; fields an engine omits decode as {@code null}, collections as empty.
 */
package dev.berth.types.containers;
