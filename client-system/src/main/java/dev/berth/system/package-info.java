/**
 * Engine-wide operations: {@link dev.berth.system.SystemService} answers ping, version, info and
 * disk usage, and streams engine events.
 */
package dev.berth.system;
