/**
 * Volumes: {@link dev.berth.volumes.VolumeService} creates, lists, inspects and removes them
 * and prunes unused ones.
 *
 * <p>Conventions of this package, shared with {@code dev.berth.containers},
 * {@code dev.berth.images}, {@code dev.berth.system} and {@code dev.berth.networks}.
 * <b>Options:</b> required arguments are positional; the optional parameters of an operation live
 * in one immutable options class named {@code <Noun><Verb>Options} after the method
 * ({@code Volume} + {@code remove} = {@link dev.berth.volumes.VolumeRemoveOptions}), with a
 * {@code DEFAULT}, {@code builder()}, {@code toBuilder()} and property-named builder methods; each
 * such operation is offered without options, with the options value and with a {@code Consumer}
 * of the builder. <b>Nulls:</b> arguments are non-null unless their Javadoc says otherwise; a null
 * is a {@link java.lang.NullPointerException} naming the parameter, thrown before anything is
 * sent. Builder methods of options classes that take an object accept null to mean "not set" (the
 * engine's default), and the options' accessors return null for a value not set. Results are
 * never null: a missing volume is a {@link dev.berth.client.NotFoundException}, a
 * list with nothing in it is empty, and an answer lacking what the API promises is a
 * {@link dev.berth.client.MalformedResponseException}. <b>Ownership:</b> nothing here holds a
 * connection after a method returns.
 */
package dev.berth.volumes;
