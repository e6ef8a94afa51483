/**
 * Implementation of the HTTP/1.1 engine, the socket and TLS dialers and the PEM/DER reading TLS
 * needs. Not API: may change in any release.
 */
package dev.berth.transport.internal;
