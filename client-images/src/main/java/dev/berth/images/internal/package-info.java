/** Implementation details of the image service: context tars, {@code .dockerignore} rules, references. Not API. */
package dev.berth.images.internal;
