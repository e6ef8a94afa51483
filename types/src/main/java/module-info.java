/**
 * Records for the JSON the Docker Engine API (and Podman's Docker-compatible API) exchanges,
 * ready for Jackson data binding.
 */
module dev.berth.types {
  requires transitive com.fasterxml.jackson.annotation;

  exports dev.berth.types.system;
  exports dev.berth.types.containers;
  exports dev.berth.types.exec;
  exports dev.berth.types.images;
  exports dev.berth.types.networks;
  exports dev.berth.types.volumes;
  exports dev.berth.types.progress;
  exports dev.berth.types.pods;

  opens dev.berth.types.system to com.fasterxml.jackson.databind;
  opens dev.berth.types.containers to com.fasterxml.jackson.databind;
  opens dev.berth.types.exec to com.fasterxml.jackson.databind;
  opens dev.berth.types.images to com.fasterxml.jackson.databind;
  opens dev.berth.types.networks to com.fasterxml.jackson.databind;
  opens dev.berth.types.volumes to com.fasterxml.jackson.databind;
  opens dev.berth.types.progress to com.fasterxml.jackson.databind;
  opens dev.berth.types.pods to com.fasterxml.jackson.databind;
}
