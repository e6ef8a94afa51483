/**
 * Containers: {@link dev.berth.containers.ContainerService} creates, runs, inspects and removes
 * them, streams their logs and stats, attaches to them with stdin, runs exec sessions and copies
 * files in and out as tar archives.
 *
 * <p>Conventions of this package, shared with {@code dev.berth.images} and
 * {@code dev.berth.system}. <b>Options:</b> required arguments are positional; the optional
 * parameters of an operation live in one immutable options class named
 * {@code <Noun><Verb>Options} after the method ({@code Container} + {@code stop} =
 * {@link dev.berth.containers.ContainerStopOptions}; a method that names its own noun keeps it:
 * {@code execStart} = {@link dev.berth.containers.ExecStartOptions}), with a {@code DEFAULT},
 * {@code builder()}, {@code toBuilder()} and property-named builder methods; each such operation
 * is offered without options, with the options value and with a {@code Consumer} of the builder.
 * <b>Nulls:</b> arguments are non-null unless their Javadoc says otherwise; a null is a
 * {@link java.lang.NullPointerException} naming the parameter, thrown before anything is sent.
 * Builder methods of options classes that take an object accept null to mean "not set" (the
 * engine's default), and the options' accessors return null for a value not set. Results are
 * never null: a missing container or path is a {@link dev.berth.client.NotFoundException}, a list
 * with nothing in it is empty, and an answer lacking what the API promises is a
 * {@link dev.berth.client.MalformedResponseException}. <b>Ownership:</b> a method whose result
 * holds a connection returns a {@link java.io.Closeable} whose type says so
 * ({@link dev.berth.client.FrameReader}, {@link dev.berth.containers.AttachedStream},
 * {@link dev.berth.client.JsonStream}, {@link dev.berth.containers.Archive}) or, for a bare
 * {@link java.io.InputStream}, is named {@code …Stream} ({@code exportStream}, like
 * {@code statsStream}); the caller must close it, on any thread. Streams are read on the
 * caller's thread; closing one from another thread stops a blocked read.
 */
package dev.berth.containers;
