/** Implementation details of the container service. Not API. */
package dev.berth.containers.internal;
