/** The image service: local images, build, pull and push with registry credentials, load, save, import, commit. */
module dev.berth.images {
  requires transitive dev.berth.client;

  exports dev.berth.images;
}
