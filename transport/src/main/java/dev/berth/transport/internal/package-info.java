/**
 * Implementation of the HTTP/1.1 engine and the socket dialers. Not API: may change in any release.
 */
package dev.berth.transport.internal;
