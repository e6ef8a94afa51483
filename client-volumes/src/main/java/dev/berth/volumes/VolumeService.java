package dev.berth.volumes;

import dev.berth.client.EngineClient;
import dev.berth.types.volumes.Volume;
import dev.berth.types.volumes.VolumeListResponse;
import dev.berth.types.volumes.VolumePruneResponse;
import java.util.function.Consumer;

/**
 * Volume operations. Thread-safe. Errors are the {@link dev.berth.client.BerthException} tree:
 * {@link dev.berth.client.TransportException} when the engine cannot be reached,
 * {@link dev.berth.client.EngineException} subclasses for error statuses. Arguments are non-null
 * (a null is a {@link NullPointerException} naming the parameter); results are never null.
 */
public interface VolumeService {

  /** The service over {@code client}. */
  static VolumeService create(EngineClient client) {
    return new DefaultVolumeService(client);
  }

  /** {@code POST /volumes/create}: a volume with a generated name and the {@code local} driver. */
  default Volume create() {
    return create(VolumeCreateOptions.DEFAULT);
  }

  /**
   * {@code POST /volumes/create}: a volume; returns it as the engine reports it. Creating a
   * volume whose name exists answers the existing volume on Docker; see the engine tests for
   * Podman.
   */
  Volume create(VolumeCreateOptions options);

  /** {@link #create(VolumeCreateOptions)} with options set by {@code options}. */
  default Volume create(Consumer<VolumeCreateOptions.Builder> options) {
    VolumeCreateOptions.Builder b = VolumeCreateOptions.builder();
    options.accept(b);
    return create(b.build());
  }

  /** {@code GET /volumes}: every volume, with the engine's warnings. */
  default VolumeListResponse list() {
    return list(VolumeListOptions.DEFAULT);
  }

  /** {@code GET /volumes?filters=}: the volumes that match the filters, with the engine's warnings. */
  VolumeListResponse list(VolumeListOptions options);

  /** {@link #list(VolumeListOptions)} with options set by {@code options}. */
  default VolumeListResponse list(Consumer<VolumeListOptions.Builder> options) {
    VolumeListOptions.Builder b = VolumeListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /**
   * {@code GET /volumes/{name}}: the volume. An unknown volume is a
   * {@link dev.berth.client.NotFoundException}.
   */
  Volume inspect(String name);

  /** {@code DELETE /volumes/{name}}: removes the volume. */
  default void remove(String name) {
    remove(name, VolumeRemoveOptions.DEFAULT);
  }

  /**
   * {@code DELETE /volumes/{name}?force=}: removes the volume. An unknown volume is a
   * {@link dev.berth.client.NotFoundException}; a volume a container uses is a
   * {@link dev.berth.client.ConflictException}.
   */
  void remove(String name, VolumeRemoveOptions options);

  /** {@link #remove(String, VolumeRemoveOptions)} with options set by {@code options}. */
  default void remove(String name, Consumer<VolumeRemoveOptions.Builder> options) {
    VolumeRemoveOptions.Builder b = VolumeRemoveOptions.builder();
    options.accept(b);
    remove(name, b.build());
  }

  /**
   * {@code POST /volumes/prune}: removes the volumes no container uses (from API 1.42 Docker
   * removes only anonymous ones unless the filter {@code all=true} is given).
   */
  default VolumePruneResponse prune() {
    return prune(VolumePruneOptions.DEFAULT);
  }

  /** {@code POST /volumes/prune?filters=}: removes the unused volumes that match the filters. */
  VolumePruneResponse prune(VolumePruneOptions options);

  /** {@link #prune(VolumePruneOptions)} with options set by {@code options}. */
  default VolumePruneResponse prune(Consumer<VolumePruneOptions.Builder> options) {
    VolumePruneOptions.Builder b = VolumePruneOptions.builder();
    options.accept(b);
    return prune(b.build());
  }
}
