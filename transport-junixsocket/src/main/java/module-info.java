/**
 * An optional Unix-socket {@link dev.berth.transport.Dialer} built on junixsocket, for platforms or
 * socket features the JDK's own Unix channels lack. berth's default Unix dialer needs no native code.
 */
module dev.berth.transport.junixsocket {
  requires transitive dev.berth.transport;
  requires org.newsclub.net.unix;
  // junixsocket's native library; required so that it is resolved on the module path too
  requires com.kohlschutter.junixsocket.nativecommon;

  exports dev.berth.transport.junixsocket;
}
