package dev.berth.cli;

import static dev.berth.cli.Args.flag;
import static dev.berth.cli.Args.opt;

import dev.berth.client.BerthException;
import dev.berth.client.JsonStream;
import dev.berth.images.ImageBuildOptions;
import dev.berth.images.ImageService;
import dev.berth.types.images.ImageDeleteResponseItem;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.progress.ProgressMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code images}, {@code pull}, {@code push}, {@code build}, {@code tag}, {@code rmi}. */
final class ImageCommands {
  private ImageCommands() {}

  static List<Command> all() {
    return List.of(
        Command.of("images", "[options]", "Lists images.", List.of(
            flag("-a", "--all", "also intermediate images"),
            opt("KEY=VALUE", "-f", "--filter", "only those matching: reference=, label=, dangling=true (repeatable)"),
            flag("-q", "--quiet", "IDs only"),
            Json.FORMAT), ImageCommands::images),
        Command.of("pull", "IMAGE", "Pulls an image from its registry (credentials from config.json).", List.of(),
            (s, a) -> {
              pull(s, a.positional(1, 1, "IMAGE").get(0), new Progress(s.out, s.terminal));
              return 0;
            }),
        Command.of("push", "IMAGE", "Pushes an image to its registry (credentials from config.json).", List.of(),
            ImageCommands::push),
        Command.of("build", "[options] DIRECTORY|TARFILE|-",
            "Builds an image from a directory (its .dockerignore honoured) or a tar of one (- reads stdin).\n"
                + "RUN steps get network `none` unless --network says otherwise.", List.of(
            opt("NAME:TAG", "-t", "--tag", "tag the result (repeatable)"),
            opt("K=V", "--build-arg", "a build argument (repeatable)"),
            opt("FILE", "-f", "--file", "the Dockerfile's path inside the context"),
            opt("NET", "--network", "network mode for RUN (default none)"),
            flag("--no-cache", "do not use the build cache"),
            flag("-q", "--quiet", "print only the image ID")), ImageCommands::build),
        Command.of("tag", "SOURCE TARGET", "Gives an image another name.", List.of(), (s, a) -> {
          List<String> p = a.positional(2, 2, "SOURCE and TARGET");
          s.images().tag(p.get(0), p.get(1));
          return 0;
        }),
        Command.of("rmi", "[options] IMAGE...", "Removes images (untags; deletes the last tag's layers).", List.of(
            flag("-f", "--force", "also when containers use it or it has several tags"),
            flag("--no-prune", "keep untagged parents")), ImageCommands::rmi));
  }

  private static int images(Session s, Args a) {
    a.positional(0, 0, "");
    boolean json = Json.wanted(a);
    List<ImageSummary> list = s.images().list(o -> {
      o.all(a.has("all"));
      for (String f : a.all("filter")) {
        String[] kv = SystemCommands.keyValue(f, "--filter");
        o.filter(kv[0], kv[1]);
      }
    });
    if (json) {
      Json.print(s.out, list);
      return 0;
    }
    if (a.has("quiet")) {
      list.forEach(i -> s.out.println(Table.shortId(i.id())));
      return 0;
    }
    Table t = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
    for (ImageSummary i : list) {
      List<String> tags = i.repoTags().isEmpty() ? List.of("<none>:<none>") : i.repoTags();
      for (String tag : tags) {
        int colon = tag.lastIndexOf(':');
        boolean hasTag = colon > tag.lastIndexOf('/');
        t.row(hasTag ? tag.substring(0, colon) : tag, hasTag ? tag.substring(colon + 1) : "<none>", Table.shortId(i.id()),
            Table.ago(i.created()), Table.size(i.size() == null ? 0 : i.size()));
      }
    }
    t.print(s.out);
    return 0;
  }

  /** Pulls with progress; errors inside the stream come out as {@link dev.berth.client.StreamErrorException}. */
  static void pull(Session s, String image, Progress progress) {
    try (JsonStream<ProgressMessage> stream = s.images().pullStream(image, o -> { })) {
      s.closeOnInterrupt(stream);
      stream.forEachRemaining(progress::accept);
    }
    progress.finish();
  }

  private static int push(Session s, Args a) {
    String image = a.positional(1, 1, "IMAGE").get(0);
    Progress progress = new Progress(s.out, s.terminal);
    try (JsonStream<ProgressMessage> stream = s.images().pushStream(image, o -> { })) {
      s.closeOnInterrupt(stream);
      stream.forEachRemaining(progress::accept);
    }
    progress.finish();
    return 0;
  }

  private static int build(Session s, Args a) throws IOException {
    String context = a.positional(1, 1, "DIRECTORY, TARFILE or -").get(0);
    ImageBuildOptions.Builder o = ImageBuildOptions.builder().networkMode(a.get("network", "none"))
        .noCache(a.has("no-cache"));
    List<String> tags = a.all("tag");
    if (!tags.isEmpty()) {
      o.tag(tags.toArray(String[]::new));
    }
    for (String arg : a.all("build-arg")) {
      String[] kv = arg.contains("=") ? SystemCommands.keyValue(arg, "--build-arg") : new String[] {arg, s.env.get(arg)};
      if (kv[1] != null) {
        o.buildArg(kv[0], kv[1]);
      }
    }
    if (a.has("file")) {
      o.dockerfile(a.get("file", null));
    }
    boolean quiet = a.has("quiet");
    Progress progress = new Progress(s.out, s.terminal);
    ImageService images = s.images();
    String id = null;
    Path dir = Path.of(context);
    InputStream tar = null;
    try {
      if (context.equals("-")) {
        tar = s.in;
      } else if (!Files.exists(dir)) {
        throw new java.nio.file.NoSuchFileException(context, null, "no such directory or tar file");
      } else if (!Files.isDirectory(dir)) {
        tar = Files.newInputStream(dir);
      }
      try (JsonStream<ProgressMessage> stream = tar == null ? images.buildStream(dir, o.build())
          : images.buildStream(tar, o.build())) {
        s.closeOnInterrupt(stream);
        while (stream.hasNext()) {
          ProgressMessage m = stream.next();
          Object aux = m.aux().get("ID");
          if (aux != null) {
            id = aux.toString();
          }
          if (!quiet) {
            progress.accept(m);
          }
        }
      }
    } finally {
      if (tar != null && tar != s.in) {
        tar.close();
      }
    }
    if (id == null) {
      throw new BerthException("the engine finished the build without reporting an image ID");
    }
    if (quiet) {
      s.out.println(id);
    } else {
      s.out.println("built " + Table.shortId(id) + (tags.isEmpty() ? "" : " as " + String.join(", ", tags)));
    }
    return 0;
  }

  private static int rmi(Session s, Args a) {
    List<String> names = a.positional(1, Integer.MAX_VALUE, "IMAGE");
    ImageService images = s.images();
    int status = 0;
    for (String n : names) {
      try {
        List<ImageDeleteResponseItem> gone = images.remove(n, o -> o.force(a.has("force")).noPrune(a.has("no-prune")));
        List<String> lines = new ArrayList<>();
        for (ImageDeleteResponseItem i : gone) {
          if (i.untagged() != null) {
            lines.add("untagged: " + i.untagged());
          }
          if (i.deleted() != null) {
            lines.add("deleted:  " + i.deleted());
          }
        }
        lines.forEach(s.out::println);
      } catch (BerthException e) {
        s.err.println("berth: " + Main.message(e));
        status = Main.status(e);
      }
    }
    return status;
  }
}
