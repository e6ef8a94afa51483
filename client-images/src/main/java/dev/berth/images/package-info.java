/**
 * Images: {@link dev.berth.images.ImageService} lists, inspects, tags, removes and prunes local
 * images, builds them from a directory (tarred on the fly, honouring {@code .dockerignore}) or a
 * tar stream, commits containers, imports, loads and saves tar archives, and pulls and pushes with
 * registry credentials ({@link dev.berth.client.RegistryAuth}, or looked up per registry by a
 * {@link dev.berth.client.RegistryCredentials} such as {@code dev.berth.config.DockerCredentials}).
 * Progress streams and tar streams are closeable and read on the caller's thread; large archives
 * move with bounded memory.
 */
package dev.berth.images;
