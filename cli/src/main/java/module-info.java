/** The berth command-line tool. Not library API: it exports nothing. */
module dev.berth.cli {
  requires dev.berth.system;
  requires dev.berth.containers;
  requires dev.berth.images;
  requires dev.berth.config;
  requires dev.berth.catalog;
}
