/**
 * Finding and connecting to an engine the way the {@code docker} CLI does, and reading registry
 * credentials. {@link dev.berth.config.Engines#connect()} is the one call most programs need;
 * {@link dev.berth.config.Engines#resolve()} says what it would use without connecting.
 * {@link dev.berth.config.DockerCredentials}, a {@link dev.berth.client.RegistryCredentials},
 * looks up {@link dev.berth.client.RegistryAuth} values in {@code config.json} and through
 * {@code docker-credential-*} helpers. Every input (environment, home directory, {@code PATH})
 * can be passed explicitly, so nothing here has to read the real user's files.
 */
package dev.berth.config;
