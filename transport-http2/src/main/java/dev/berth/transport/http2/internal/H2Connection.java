package dev.berth.transport.http2.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP/2 connection: the Netty channel with its frame codec, and what the engine needs to
 * decide whether a new stream may go on it. Streams are opened by {@link H2Exchange}.
 */
final class H2Connection {
  final Channel channel;
  final Http2FrameCodec codec;
  final long id;
  /** Streams handed out and not yet closed. */
  final AtomicInteger streams = new AtomicInteger();
  private volatile boolean goAway;

  H2Connection(Channel channel, Http2FrameCodec codec, long id) {
    this.channel = channel;
    this.codec = codec;
    this.id = id;
  }

  /** Whether a new stream may be opened here: open, no GOAWAY yet, below the peer's stream limit. */
  boolean usable() {
    if (goAway || !channel.isActive()) {
      return false;
    }
    int max = codec.connection().local().maxActiveStreams();
    return streams.get() < max;
  }

  boolean goAwayReceived() {
    return goAway;
  }

  void close() {
    channel.close();
  }

  /** The last handler of the connection's pipeline: notes GOAWAY, drops what nobody consumes. */
  final class Tail extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Http2GoAwayFrame) {
        goAway = true; // streams above its last id were failed by the multiplexer; the rest finish
        if (streams.get() == 0) {
          ctx.close();
        }
      }
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // a connection error: the codec has sent GOAWAY; closing fails every stream still open
      goAway = true;
      ctx.close();
    }
  }

  @Override
  public String toString() {
    return "H2Connection#" + id + "[" + channel + "]";
  }
}
