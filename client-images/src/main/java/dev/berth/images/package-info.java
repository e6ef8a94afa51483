/**
 * Images: {@link dev.berth.images.ImageService} lists, inspects, tags, removes and prunes local
 * images, builds them from a directory (tarred on the fly, honouring {@code .dockerignore}) or a
 * tar stream, commits containers, imports, loads and saves tar archives, and pulls and pushes with
 * registry credentials ({@link dev.berth.client.RegistryAuth}, or looked up per registry by a
 * {@link dev.berth.client.RegistryCredentials} such as {@code dev.berth.config.DockerCredentials}).
 * Progress streams and tar streams are closeable and read on the caller's thread; large archives
 * move with bounded memory.
 *
 * <p>Conventions of this package, shared with {@code dev.berth.containers} and
 * {@code dev.berth.system}. <b>Options:</b> required arguments are positional; the optional
 * parameters of an operation live in one immutable options class named
 * {@code <Noun><Verb>Options} after the method ({@code Image} + {@code pull} =
 * {@link dev.berth.images.ImagePullOptions}; a method that names its own noun keeps it:
 * {@code pruneBuildCache} = {@link dev.berth.images.BuildCachePruneOptions},
 * {@code distributionInspect} = {@link dev.berth.images.DistributionInspectOptions}), with a
 * {@code DEFAULT}, {@code builder()}, {@code toBuilder()} and property-named builder methods;
 * each such operation is offered without options, with the options value and with a
 * {@code Consumer} of the builder (the stream variants too). <b>Nulls:</b> arguments are
 * non-null unless their Javadoc says otherwise; a null is a {@link java.lang.NullPointerException}
 * naming the parameter, thrown before anything is sent. Builder methods of options classes that
 * take an object accept null to mean "not set" (the engine's default, or the service's
 * credentials), and the options' accessors return null for a value not set. Results are never
 * null: a missing image is a {@link dev.berth.client.NotFoundException}, a list with nothing in it
 * is empty, and an answer lacking what the API promises (an image ID, a digest) is a
 * {@link dev.berth.client.MalformedResponseException}. <b>Ownership:</b> a method whose result
 * holds a connection returns a {@link dev.berth.client.JsonStream} (the {@code …Stream} variants
 * of build, pull, push, import and load) or a bare {@link java.io.InputStream} named
 * {@code …Stream} ({@code saveStream}); the caller must close it, on any thread. The plain
 * methods read the progress stream to its end and close it. An {@code InputStream} the caller
 * passes in (a build context, a tar to load or import) is closed by the call.
 */
package dev.berth.images;
