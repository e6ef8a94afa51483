/**
 * Exec instances: processes started inside a running container. {@link
 * dev.berth.types.exec.ExecCreateRequest} sets one up ({@code POST /containers/{id}/exec}),
 * {@link dev.berth.types.exec.ExecStartRequest} runs it ({@code POST /exec/{id}/start}) and
 * {@link dev.berth.types.exec.ExecInspect} reports its state ({@code GET /exec/{id}/json}).
 * Request records have builders and carry unmodelled fields in {@code extra()}.
 */
package dev.berth.types.exec;
