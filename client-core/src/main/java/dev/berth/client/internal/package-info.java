/** Implementation details of the client core. Not API: may change in any release. */
package dev.berth.client.internal;
