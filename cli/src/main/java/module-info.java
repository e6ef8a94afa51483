/** The berth command-line tool and demo. Not library API. */
module dev.berth.cli {
  requires dev.berth.system;
  requires dev.berth.config;
}
