/**
 * Containers: {@link dev.berth.containers.ContainerService} creates, runs, inspects and removes
 * them, streams their logs and stats, attaches to them with stdin, runs exec sessions and copies
 * files in and out as tar archives. Streaming results are closeable and read on the caller's
 * thread.
 */
package dev.berth.containers;
