package dev.berth.transport.http2;

/**
 * A snapshot of an {@link Http2Doer}'s connections and streams.
 *
 * @param openConnections HTTP/2 connections open now (one, usually; more while an old one drains
 *     after GOAWAY or when the peer's stream limit is reached)
 * @param dialedConnections HTTP/2 connections dialed since the doer was built
 * @param openStreams responses handed out whose stream has not closed yet
 */
public record Http2Stats(int openConnections, long dialedConnections, int openStreams) {}
