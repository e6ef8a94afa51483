package dev.berth.images;

import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.RegistryCredentials;
import dev.berth.types.images.BuildPruneResponse;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.images.HistoryItem;
import dev.berth.types.images.ImageDeleteResponseItem;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.images.ImagePruneResponse;
import dev.berth.types.images.ImageSearchResult;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.images.PushResult;
import dev.berth.types.progress.ProgressMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Images: local ones, builds, registries. Thread-safe. {@code name} parameters take an image
 * reference ({@code repo:tag}, {@code repo@sha256:...}), an image ID or an ID prefix.
 *
 * <p>Errors: {@link dev.berth.client.NotFoundException} for an unknown image (or container, for
 * commit), {@link dev.berth.client.ConflictException} for an image in use by a container or
 * referenced by several names when removed without force,
 * {@link dev.berth.client.InvalidRequestException} for a malformed reference or parameters the
 * engine rejects; a blank name, a missing stream or a Dockerfile outside the build context is an
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p>Build, pull, push, import and load answer with a progress stream that the engine starts
 * with HTTP 200 before it knows the outcome: an error inside it (a failed {@code RUN}, a refused
 * password) ends it with a {@link dev.berth.client.StreamErrorException} carrying the engine's
 * message. The {@code …Stream} methods return the stream ({@link JsonStream} of
 * {@link ProgressMessage}: close it, read it on your thread; closing it from another thread stops
 * a blocked read); the plain methods read it to its end and return the result.
 *
 * <p>Registry credentials travel in {@code X-Registry-Auth}, which is always sent (the
 * anonymous {@code e30=} when there are none: the engine refuses a push without the header).
 * They come from the call's options, else from the {@link RegistryCredentials} the service was
 * made with; they never appear in exception messages or {@code toString()}s.
 *
 * <p>Tar streams move with bounded memory: request bodies are sent chunked as they are read,
 * and {@link #saveStream} returns the engine's stream as it arrives.
 *
 * <p>Arguments are non-null unless documented: a null is a {@link NullPointerException} naming
 * the parameter, before anything is sent. Each operation with optional parameters comes without
 * options, with an immutable {@code Image…Options} value and with a {@code Consumer} of its
 * builder.
 */
public interface ImageService {

  /** The service over {@code client}; registries get anonymous credentials unless a call gives some. */
  static ImageService create(EngineClient client) {
    return new DefaultImageService(client, null);
  }

  /**
   * The service over {@code client}, with registry credentials looked up in {@code credentials}
   * for each pull, push and distribution call that gives none itself. Pass
   * {@code DockerCredentials.load()} (module {@code berth-config}) for the docker CLI's
   * {@code config.json} and credential helpers.
   */
  static ImageService create(EngineClient client, RegistryCredentials credentials) {
    return new DefaultImageService(client, java.util.Objects.requireNonNull(credentials, "credentials"));
  }

  // ---------------------------------------------------------------- local images

  /** {@code GET /images/json}: tagged and dangling top-level images. */
  default List<ImageSummary> list() {
    return list(ImageListOptions.DEFAULT);
  }

  /** {@code GET /images/json?all=&digests=&filters=}; an empty list when none match. */
  List<ImageSummary> list(ImageListOptions options);

  /** {@code GET /images/json} with options set by {@code options}. */
  default List<ImageSummary> list(Consumer<ImageListOptions.Builder> options) {
    ImageListOptions.Builder b = ImageListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /** {@code GET /images/{name}/json}. */
  ImageInspect inspect(String name);

  /**
   * {@code GET /images/{name}/json} with options: the image's manifests (API 1.48+) or one platform
   * variant (API 1.49+).
   *
   * @throws dev.berth.client.UnsupportedApiVersionException when an option is newer than the API in
   *     use (before anything is sent)
   */
  default ImageInspect inspect(String name, ImageInspectOptions options) {
    java.util.Objects.requireNonNull(name, "name");
    if (!java.util.Objects.requireNonNull(options, "options").manifests() && options.platform() == null) {
      return inspect(name);
    }
    throw new UnsupportedOperationException(getClass().getName() + " does not implement image inspect options");
  }

  /** {@link #inspect(String, ImageInspectOptions)} with options set on a builder. */
  default ImageInspect inspect(String name, Consumer<ImageInspectOptions.Builder> options) {
    ImageInspectOptions.Builder b = ImageInspectOptions.builder();
    options.accept(b);
    return inspect(name, b.build());
  }

  /** {@code GET /images/{name}/history}: the image's layers, newest first. */
  List<HistoryItem> history(String name);

  /**
   * {@code GET /images/{name}/history?platform=}: the layers of one platform variant of a
   * multi-platform image (API 1.48+).
   *
   * @throws dev.berth.client.UnsupportedApiVersionException on an older API (before anything is sent)
   */
  default List<HistoryItem> history(String name, DistributionInspect.Platform platform) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement image history of a platform");
  }

  /**
   * {@code POST /images/{name}/tag?repo=&tag=}: gives the image {@code name} the additional name
   * {@code repository:tag}.
   */
  void tag(String name, String repository, String tag);

  /**
   * {@code POST /images/{name}/tag?repo=&tag=}: gives the image {@code name} the additional name
   * {@code target}, given as {@code repo[:tag]} (no tag: {@code latest}).
   */
  void tag(String name, String target);

  /**
   * {@code DELETE /images/{name}}: removes a name, and the image when it was its last name (with
   * untagged parents unless {@link ImageRemoveOptions#noPrune()}).
   *
   * @return what was untagged and deleted
   */
  List<ImageDeleteResponseItem> remove(String name, ImageRemoveOptions options);

  /** {@link #remove(String, ImageRemoveOptions)} without force, deleting untagged parents. */
  default List<ImageDeleteResponseItem> remove(String name) {
    return remove(name, ImageRemoveOptions.DEFAULT);
  }

  /** {@link #remove(String, ImageRemoveOptions)} with options set by {@code options}. */
  default List<ImageDeleteResponseItem> remove(String name, Consumer<ImageRemoveOptions.Builder> options) {
    ImageRemoveOptions.Builder b = ImageRemoveOptions.builder();
    options.accept(b);
    return remove(name, b.build());
  }

  /** {@code POST /images/prune}: deletes dangling images. */
  default ImagePruneResponse prune() {
    return prune(ImagePruneOptions.DEFAULT);
  }

  /**
   * {@code POST /images/prune?filters=}: deletes dangling images, or with
   * {@link ImagePruneOptions.Builder#dangling dangling(false)} every image no container uses.
   */
  ImagePruneResponse prune(ImagePruneOptions options);

  /** {@link #prune(ImagePruneOptions)} with options set by {@code options}. */
  default ImagePruneResponse prune(Consumer<ImagePruneOptions.Builder> options) {
    ImagePruneOptions.Builder b = ImagePruneOptions.builder();
    options.accept(b);
    return prune(b.build());
  }

  /** {@code GET /images/search?term=}: searches a registry's (v1) index, Docker Hub by default. */
  List<ImageSearchResult> search(String term, ImageSearchOptions options);

  /** {@link #search(String, ImageSearchOptions)} with the registry's default limit, no filters. */
  default List<ImageSearchResult> search(String term) {
    return search(term, ImageSearchOptions.DEFAULT);
  }

  /** {@link #search(String, ImageSearchOptions)} with options set by {@code options}. */
  default List<ImageSearchResult> search(String term, Consumer<ImageSearchOptions.Builder> options) {
    ImageSearchOptions.Builder b = ImageSearchOptions.builder();
    options.accept(b);
    return search(term, b.build());
  }

  // ---------------------------------------------------------------- commit, import, load, save

  /**
   * {@code POST /commit?container=}: makes an image of a container's file system and
   * configuration (changed by {@link ImageCommitOptions#config()} and {@link ImageCommitOptions#changes()}).
   *
   * @return the new image's ID
   * @throws IllegalArgumentException for a malformed repository or tag, checked before sending
   *     (Docker 20.10 would commit first and then fail, leaving an unnamed image behind)
   * @throws dev.berth.client.NotFoundException for an unknown container
   * @throws dev.berth.client.InvalidRequestException for a change the engine cannot apply
   */
  String commit(String container, ImageCommitOptions options);

  /** {@link #commit(String, ImageCommitOptions)}: an untagged image, the configuration unchanged. */
  default String commit(String container) {
    return commit(container, ImageCommitOptions.DEFAULT);
  }

  /** {@link #commit(String, ImageCommitOptions)} with options set by {@code options}. */
  default String commit(String container, Consumer<ImageCommitOptions.Builder> options) {
    ImageCommitOptions.Builder b = ImageCommitOptions.builder();
    options.accept(b);
    return commit(container, b.build());
  }

  /**
   * {@code POST /images/create?fromSrc=-}: makes a single-layer image of a root file system tar
   * (plain or gzip, bzip2, xz compressed), sent as it is read. The stream is closed afterwards.
   *
   * @return the new image's ID
   */
  String importImage(InputStream rootFsTar, ImageImportOptions options);

  /** {@link #importImage(InputStream, ImageImportOptions)}: an untagged image. */
  default String importImage(InputStream rootFsTar) {
    return importImage(rootFsTar, ImageImportOptions.DEFAULT);
  }

  /** {@link #importImage(InputStream, ImageImportOptions)} with options set by {@code options}. */
  default String importImage(InputStream rootFsTar, Consumer<ImageImportOptions.Builder> options) {
    ImageImportOptions.Builder b = ImageImportOptions.builder();
    options.accept(b);
    return importImage(rootFsTar, b.build());
  }

  /** {@link #importImage(InputStream, ImageImportOptions)} returning the progress stream; the caller must close it. */
  JsonStream<ProgressMessage> importStream(InputStream rootFsTar, ImageImportOptions options);

  /** {@link #importStream(InputStream, ImageImportOptions)} with options set by {@code options}. */
  default JsonStream<ProgressMessage> importStream(InputStream rootFsTar, Consumer<ImageImportOptions.Builder> options) {
    ImageImportOptions.Builder b = ImageImportOptions.builder();
    options.accept(b);
    return importStream(rootFsTar, b.build());
  }

  /**
   * {@code POST /images/create?fromSrc=URL}: the engine downloads the root file system tar from
   * {@code url} itself.
   *
   * @return the new image's ID
   */
  String importFromUrl(String url, ImageImportOptions options);

  /** {@link #importFromUrl(String, ImageImportOptions)} with options set by {@code options}. */
  default String importFromUrl(String url, Consumer<ImageImportOptions.Builder> options) {
    ImageImportOptions.Builder b = ImageImportOptions.builder();
    options.accept(b);
    return importFromUrl(url, b.build());
  }

  /**
   * {@code POST /images/load}: loads images (with their names) from a tar stream as
   * {@link #saveStream} writes it (and {@code docker save}), sent as it is read. The stream is closed
   * afterwards.
   *
   * @return the names the engine reports loaded ({@code repo:tag}, or the image ID for images
   *     saved by ID)
   */
  List<String> load(InputStream imagesTar);

  /**
   * {@code POST /images/load?quiet=}: {@link #load} returning the progress stream; the caller
   * must close it. The tar stream is closed afterwards.
   */
  JsonStream<ProgressMessage> loadStream(InputStream imagesTar, ImageLoadOptions options);

  /** {@link #loadStream(InputStream, ImageLoadOptions)}, quiet. */
  default JsonStream<ProgressMessage> loadStream(InputStream imagesTar) {
    return loadStream(imagesTar, ImageLoadOptions.DEFAULT);
  }

  /** {@link #loadStream(InputStream, ImageLoadOptions)} with options set by {@code options}. */
  default JsonStream<ProgressMessage> loadStream(InputStream imagesTar, Consumer<ImageLoadOptions.Builder> options) {
    ImageLoadOptions.Builder b = ImageLoadOptions.builder();
    options.accept(b);
    return loadStream(imagesTar, b.build());
  }

  /**
   * {@code GET /images/{name}/get}: the image with its names and parents as a tar stream
   * ({@code docker save} format), read as it arrives. It holds a connection: the caller must
   * close it.
   */
  InputStream saveStream(String name);

  /**
   * {@code GET /images/{name}/get?platform=}: like {@link #saveStream(String)}, of one platform
   * variant of a multi-platform image (API 1.48+). The caller must close the stream.
   *
   * @throws dev.berth.client.UnsupportedApiVersionException on an older API (before anything is sent)
   */
  default InputStream saveStream(String name, DistributionInspect.Platform platform) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement image save of a platform");
  }

  /**
   * {@code GET /images/get?names=...}: several images in one tar stream. It holds a connection:
   * the caller must close it.
   */
  InputStream saveStream(List<String> names);

  /**
   * {@code GET /images/get?names=&platform=}: like {@link #saveStream(List)}, of one platform variant
   * of multi-platform images (API 1.48+). The caller must close the stream.
   *
   * @throws dev.berth.client.UnsupportedApiVersionException on an older API (before anything is sent)
   */
  default InputStream saveStream(List<String> names, DistributionInspect.Platform platform) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement image save of a platform");
  }

  // ---------------------------------------------------------------- build

  /**
   * {@code POST /build}: builds an image from a local directory, which berth tars on the fly
   * (honouring its {@code .dockerignore} like the docker CLI; the Dockerfile and
   * {@code .dockerignore} are always sent) and sends with {@code Content-Type: application/x-tar}.
   *
   * @return the new image's ID
   * @throws IllegalArgumentException when the directory or the Dockerfile is missing, or the
   *     {@code .dockerignore} is malformed (before anything is sent)
   * @throws dev.berth.client.StreamErrorException when the build fails (the engine's message)
   */
  String build(Path contextDirectory, ImageBuildOptions options);

  /** {@link #build(Path, ImageBuildOptions)} with options set by {@code options}. */
  default String build(Path contextDirectory, Consumer<ImageBuildOptions.Builder> options) {
    ImageBuildOptions.Builder b = ImageBuildOptions.builder();
    options.accept(b);
    return build(contextDirectory, b.build());
  }

  /**
   * {@code POST /build}: builds an image from a build context tar stream (plain or gzip, bzip2,
   * xz compressed), sent as it is read. The stream is closed afterwards.
   *
   * @return the new image's ID
   */
  String build(InputStream contextTar, ImageBuildOptions options);

  /** {@link #build(InputStream, ImageBuildOptions)} with options set by {@code options}. */
  default String build(InputStream contextTar, Consumer<ImageBuildOptions.Builder> options) {
    ImageBuildOptions.Builder b = ImageBuildOptions.builder();
    options.accept(b);
    return build(contextTar, b.build());
  }

  /**
   * {@link #build(Path, ImageBuildOptions)} returning the progress stream (build output, the image
   * ID in {@code aux}); the caller must close it.
   */
  JsonStream<ProgressMessage> buildStream(Path contextDirectory, ImageBuildOptions options);

  /** {@link #buildStream(Path, ImageBuildOptions)} with options set by {@code options}. */
  default JsonStream<ProgressMessage> buildStream(Path contextDirectory, Consumer<ImageBuildOptions.Builder> options) {
    ImageBuildOptions.Builder b = ImageBuildOptions.builder();
    options.accept(b);
    return buildStream(contextDirectory, b.build());
  }

  /** {@link #build(InputStream, ImageBuildOptions)} returning the progress stream; the caller must close it. */
  JsonStream<ProgressMessage> buildStream(InputStream contextTar, ImageBuildOptions options);

  /** {@link #buildStream(InputStream, ImageBuildOptions)} with options set by {@code options}. */
  default JsonStream<ProgressMessage> buildStream(InputStream contextTar, Consumer<ImageBuildOptions.Builder> options) {
    ImageBuildOptions.Builder b = ImageBuildOptions.builder();
    options.accept(b);
    return buildStream(contextTar, b.build());
  }

  /** {@code POST /build/prune}: removes build cache records (BuildKit's; the classic builder keeps none). */
  BuildPruneResponse pruneBuildCache(BuildCachePruneOptions options);

  /** {@link #pruneBuildCache(BuildCachePruneOptions)}: unused records, no filters. */
  default BuildPruneResponse pruneBuildCache() {
    return pruneBuildCache(BuildCachePruneOptions.DEFAULT);
  }

  /** {@link #pruneBuildCache(BuildCachePruneOptions)} with options set by {@code options}. */
  default BuildPruneResponse pruneBuildCache(Consumer<BuildCachePruneOptions.Builder> options) {
    BuildCachePruneOptions.Builder b = BuildCachePruneOptions.builder();
    options.accept(b);
    return pruneBuildCache(b.build());
  }

  // ---------------------------------------------------------------- registries

  /**
   * {@code POST /images/create?fromImage=}: pulls {@code image} ({@code repo:tag},
   * {@code repo@sha256:...}; a repository alone means {@code latest} unless
   * {@link ImagePullOptions#allTags()}) and waits until it is complete.
   *
   * @throws dev.berth.client.NotFoundException when the registry has no such image
   * @throws dev.berth.client.StreamErrorException when the pull fails after it started
   */
  void pull(String image, ImagePullOptions options);

  /** {@link #pull(String, ImagePullOptions)} with the service's credentials. */
  default void pull(String image) {
    pull(image, ImagePullOptions.DEFAULT);
  }

  /** {@link #pull(String, ImagePullOptions)} with options set by {@code options}. */
  default void pull(String image, Consumer<ImagePullOptions.Builder> options) {
    ImagePullOptions.Builder b = ImagePullOptions.builder();
    options.accept(b);
    pull(image, b.build());
  }

  /**
   * {@link #pull(String, ImagePullOptions)} returning the progress stream (status, layer id,
   * bytes); the caller must close it.
   */
  JsonStream<ProgressMessage> pullStream(String image, ImagePullOptions options);

  /** {@link #pullStream(String, ImagePullOptions)} with options set by {@code options}. */
  default JsonStream<ProgressMessage> pullStream(String image, Consumer<ImagePullOptions.Builder> options) {
    ImagePullOptions.Builder b = ImagePullOptions.builder();
    options.accept(b);
    return pullStream(image, b.build());
  }

  /**
   * {@code POST /images/{name}/push?tag=}: pushes {@code name} ({@code repo:tag}; a repository
   * alone means {@code latest} unless {@link ImagePushOptions#allTags()}) to its registry and waits
   * until it is complete.
   *
   * @return the tag, manifest digest and size the registry stored (for several tags, the last)
   * @throws dev.berth.client.StreamErrorException when the push fails, e.g. the registry refuses
   *     the credentials (the engine answers HTTP 200 and reports that in the stream)
   */
  PushResult push(String name, ImagePushOptions options);

  /** {@link #push(String, ImagePushOptions)} with the service's credentials. */
  default PushResult push(String name) {
    return push(name, ImagePushOptions.DEFAULT);
  }

  /** {@link #push(String, ImagePushOptions)} with options set by {@code options}. */
  default PushResult push(String name, Consumer<ImagePushOptions.Builder> options) {
    ImagePushOptions.Builder b = ImagePushOptions.builder();
    options.accept(b);
    return push(name, b.build());
  }

  /** {@link #push(String, ImagePushOptions)} returning the progress stream; the caller must close it. */
  JsonStream<ProgressMessage> pushStream(String name, ImagePushOptions options);

  /** {@link #pushStream(String, ImagePushOptions)} with options set by {@code options}. */
  default JsonStream<ProgressMessage> pushStream(String name, Consumer<ImagePushOptions.Builder> options) {
    ImagePushOptions.Builder b = ImagePushOptions.builder();
    options.accept(b);
    return pushStream(name, b.build());
  }

  /**
   * {@code GET /distribution/{name}/json}: asks the image's registry for its manifest descriptor
   * and platforms, with the options' credentials (else the service's, else anonymous).
   *
   * @throws dev.berth.client.NotFoundException when the registry has no such manifest
   * @throws dev.berth.client.UnauthorizedException when the registry refuses the credentials
   */
  DistributionInspect distributionInspect(String name, DistributionInspectOptions options);

  /** {@link #distributionInspect(String, DistributionInspectOptions)} with the service's credentials. */
  default DistributionInspect distributionInspect(String name) {
    return distributionInspect(name, DistributionInspectOptions.DEFAULT);
  }

  /** {@link #distributionInspect(String, DistributionInspectOptions)} with options set by {@code options}. */
  default DistributionInspect distributionInspect(String name, Consumer<DistributionInspectOptions.Builder> options) {
    DistributionInspectOptions.Builder b = DistributionInspectOptions.builder();
    options.accept(b);
    return distributionInspect(name, b.build());
  }

}
