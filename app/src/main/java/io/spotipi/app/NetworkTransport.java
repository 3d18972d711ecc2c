package io.spotipi.app;

import io.vertx.core.transport.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * The network transport Vert.x runs on: Netty's io_uring where the kernel allows it, else its epoll,
 * else Java's NIO, the same behaviour with more CPU per request. app/pom.xml ships both native
 * libraries for Linux on x86-64 and 64-bit ARM; a kernel or container that refuses io_uring (an old
 * kernel, a seccomp profile) gets epoll, and any other platform NIO.
 *
 * @param description the transport's name, and for NIO why neither native one could load
 */
record NetworkTransport(Transport transport, String description) {
  static NetworkTransport best() {
    List<String> refused = new ArrayList<>();
    for (Transport candidate : new Transport[] {Transport.IO_URING, Transport.EPOLL}) {
      if (candidate == null) {
        continue; // Vert.x found none of its Netty classes
      }
      if (candidate.available()) {
        return new NetworkTransport(candidate, candidate.name());
      }
      refused.add(candidate.name() + ": " + candidate.unavailabilityCause());
    }
    return new NetworkTransport(Transport.NIO, "nio (" + String.join("; ", refused) + ")");
  }
}
