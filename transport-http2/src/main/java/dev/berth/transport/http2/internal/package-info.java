/**
 * The Netty side of the HTTP/2 doer: connections, streams and their flow control. Not API.
 */
package dev.berth.transport.http2.internal;
