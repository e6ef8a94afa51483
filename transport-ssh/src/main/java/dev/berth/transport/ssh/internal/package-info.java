/** The {@link java.util.ServiceLoader} provider of {@code ssh://} dialers. Not API. */
package dev.berth.transport.ssh.internal;
