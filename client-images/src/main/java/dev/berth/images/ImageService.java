package dev.berth.images;

import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.JsonStream;
import dev.berth.client.RegistryAuth;
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
 * and {@link #save} returns the engine's stream as it arrives.
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

  /** {@code GET /images/json}. */
  List<ImageSummary> list(ListOptions options);

  /** {@code GET /images/json} with options set by {@code options}. */
  default List<ImageSummary> list(Consumer<ListOptions.Builder> options) {
    ListOptions.Builder b = ListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /** {@code GET /images/{name}/json}. */
  ImageInspect inspect(String name);

  /** {@code GET /images/{name}/history}: the image's layers, newest first. */
  List<HistoryItem> history(String name);

  /**
   * {@code POST /images/{name}/tag?repo=&tag=}: gives the image {@code name} the additional name
   * {@code repository:tag} ({@code tag} null for {@code latest}).
   */
  void tag(String name, String repository, String tag);

  /** {@link #tag(String, String, String)} with the target given as {@code repo[:tag]}. */
  void tag(String name, String target);

  /**
   * {@code DELETE /images/{name}}: removes a name, and the image when it was its last name (with
   * untagged parents unless {@link RemoveOptions#noPrune()}).
   *
   * @return what was untagged and deleted
   */
  List<ImageDeleteResponseItem> remove(String name, RemoveOptions options);

  /**
   * {@code POST /images/prune}: deletes dangling images, or with the filter
   * {@code dangling=false} every image no container uses; filters {@code label},
   * {@code until}.
   */
  ImagePruneResponse prune(Filters filters);

  /** {@code GET /images/search?term=}: searches a registry's (v1) index, Docker Hub by default. */
  List<ImageSearchResult> search(String term, SearchOptions options);

  /** {@link #search(String, SearchOptions)} with options set by {@code options}. */
  default List<ImageSearchResult> search(String term, Consumer<SearchOptions.Builder> options) {
    SearchOptions.Builder b = SearchOptions.builder();
    options.accept(b);
    return search(term, b.build());
  }

  // ---------------------------------------------------------------- commit, import, load, save

  /**
   * {@code POST /commit?container=}: makes an image of a container's file system and
   * configuration (changed by {@link CommitOptions#config()} and {@link CommitOptions#changes()}).
   *
   * @return the new image's ID
   * @throws IllegalArgumentException for a malformed repository or tag, checked before sending
   *     (Docker 20.10 would commit first and then fail, leaving an unnamed image behind)
   * @throws dev.berth.client.NotFoundException for an unknown container
   * @throws dev.berth.client.InvalidRequestException for a change the engine cannot apply
   */
  String commit(String container, CommitOptions options);

  /** {@link #commit(String, CommitOptions)} with options set by {@code options}. */
  default String commit(String container, Consumer<CommitOptions.Builder> options) {
    CommitOptions.Builder b = CommitOptions.builder();
    options.accept(b);
    return commit(container, b.build());
  }

  /**
   * {@code POST /images/create?fromSrc=-}: makes a single-layer image of a root file system tar
   * (plain or gzip, bzip2, xz compressed), sent as it is read. The stream is closed afterwards.
   *
   * @return the new image's ID
   */
  String importImage(InputStream rootFsTar, ImportOptions options);

  /** {@link #importImage(InputStream, ImportOptions)} with options set by {@code options}. */
  default String importImage(InputStream rootFsTar, Consumer<ImportOptions.Builder> options) {
    ImportOptions.Builder b = ImportOptions.builder();
    options.accept(b);
    return importImage(rootFsTar, b.build());
  }

  /** {@link #importImage(InputStream, ImportOptions)} returning the progress stream. */
  JsonStream<ProgressMessage> importStream(InputStream rootFsTar, ImportOptions options);

  /**
   * {@code POST /images/create?fromSrc=URL}: the engine downloads the root file system tar from
   * {@code url} itself.
   *
   * @return the new image's ID
   */
  String importFromUrl(String url, ImportOptions options);

  /**
   * {@code POST /images/load}: loads images (with their names) from a tar stream as
   * {@link #save} writes it (and {@code docker save}), sent as it is read. The stream is closed
   * afterwards.
   *
   * @return the names the engine reports loaded ({@code repo:tag}, or the image ID for images
   *     saved by ID)
   */
  List<String> load(InputStream imagesTar);

  /** {@code POST /images/load?quiet=}: {@link #load} returning the progress stream. */
  JsonStream<ProgressMessage> loadStream(InputStream imagesTar, boolean quiet);

  /**
   * {@code GET /images/{name}/get}: the image with its names and parents as a tar stream
   * ({@code docker save} format), read as it arrives. The caller must close it.
   */
  InputStream save(String name);

  /** {@code GET /images/get?names=...}: several images in one tar stream. The caller must close it. */
  InputStream save(List<String> names);

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
  String build(Path contextDirectory, BuildOptions options);

  /** {@link #build(Path, BuildOptions)} with options set by {@code options}. */
  default String build(Path contextDirectory, Consumer<BuildOptions.Builder> options) {
    BuildOptions.Builder b = BuildOptions.builder();
    options.accept(b);
    return build(contextDirectory, b.build());
  }

  /**
   * {@code POST /build}: builds an image from a build context tar stream (plain or gzip, bzip2,
   * xz compressed), sent as it is read. The stream is closed afterwards.
   *
   * @return the new image's ID
   */
  String build(InputStream contextTar, BuildOptions options);

  /** {@link #build(InputStream, BuildOptions)} with options set by {@code options}. */
  default String build(InputStream contextTar, Consumer<BuildOptions.Builder> options) {
    BuildOptions.Builder b = BuildOptions.builder();
    options.accept(b);
    return build(contextTar, b.build());
  }

  /** {@link #build(Path, BuildOptions)} returning the progress stream (build output, the image ID in {@code aux}). */
  JsonStream<ProgressMessage> buildStream(Path contextDirectory, BuildOptions options);

  /** {@link #build(InputStream, BuildOptions)} returning the progress stream. */
  JsonStream<ProgressMessage> buildStream(InputStream contextTar, BuildOptions options);

  /** {@code POST /build/prune}: removes build cache records (BuildKit's; the classic builder keeps none). */
  BuildPruneResponse pruneBuildCache(BuildPruneOptions options);

  // ---------------------------------------------------------------- registries

  /**
   * {@code POST /images/create?fromImage=}: pulls {@code image} ({@code repo:tag},
   * {@code repo@sha256:...}; a repository alone means {@code latest} unless
   * {@link PullOptions#allTags()}) and waits until it is complete.
   *
   * @throws dev.berth.client.NotFoundException when the registry has no such image
   * @throws dev.berth.client.StreamErrorException when the pull fails after it started
   */
  void pull(String image, PullOptions options);

  /** {@link #pull(String, PullOptions)} with the service's credentials. */
  default void pull(String image) {
    pull(image, PullOptions.DEFAULT);
  }

  /** {@link #pull(String, PullOptions)} with options set by {@code options}. */
  default void pull(String image, Consumer<PullOptions.Builder> options) {
    PullOptions.Builder b = PullOptions.builder();
    options.accept(b);
    pull(image, b.build());
  }

  /** {@link #pull(String, PullOptions)} returning the progress stream (status, layer id, bytes). */
  JsonStream<ProgressMessage> pullStream(String image, PullOptions options);

  /**
   * {@code POST /images/{name}/push?tag=}: pushes {@code name} ({@code repo:tag}; a repository
   * alone means {@code latest} unless {@link PushOptions#allTags()}) to its registry and waits
   * until it is complete.
   *
   * @return the tag, manifest digest and size the registry stored (for several tags, the last)
   * @throws dev.berth.client.StreamErrorException when the push fails, e.g. the registry refuses
   *     the credentials (the engine answers HTTP 200 and reports that in the stream)
   */
  PushResult push(String name, PushOptions options);

  /** {@link #push(String, PushOptions)} with the service's credentials. */
  default PushResult push(String name) {
    return push(name, PushOptions.DEFAULT);
  }

  /** {@link #push(String, PushOptions)} with options set by {@code options}. */
  default PushResult push(String name, Consumer<PushOptions.Builder> options) {
    PushOptions.Builder b = PushOptions.builder();
    options.accept(b);
    return push(name, b.build());
  }

  /** {@link #push(String, PushOptions)} returning the progress stream. */
  JsonStream<ProgressMessage> pushStream(String name, PushOptions options);

  /**
   * {@code GET /distribution/{name}/json}: asks the image's registry for its manifest descriptor
   * and platforms, with {@code auth} (null: the service's credentials, else anonymous).
   *
   * @throws dev.berth.client.NotFoundException when the registry has no such manifest
   * @throws dev.berth.client.UnauthorizedException when the registry refuses the credentials
   */
  DistributionInspect distributionInspect(String name, RegistryAuth auth);

  /** {@link #distributionInspect(String, RegistryAuth)} with the service's credentials. */
  default DistributionInspect distributionInspect(String name) {
    return distributionInspect(name, null);
  }
}
