/**
 * Module-path tests: a user's modular application in miniature. It requires every published
 * library module; its tests (patched into this module by Surefire) reach each one only through
 * what that module exports.
 */
module dev.berth.it {
  requires dev.berth.system;
  requires dev.berth.containers;
  requires dev.berth.images;
  requires dev.berth.networks;
  requires dev.berth.volumes;
  requires dev.berth.pods;
  requires dev.berth.catalog;
  requires dev.berth.config;
  requires dev.berth.transport.junixsocket;
  requires dev.berth.transport.ssh;
  requires dev.berth.transport.http2;
  requires dev.berth.tracing.opentelemetry;
  requires dev.berth.tracing.micrometer;
  requires dev.berth.testkit;
}
