/** Implementation details of configuration and discovery. Not API: may change in any release. */
package dev.berth.config.internal;
