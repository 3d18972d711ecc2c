package io.spotipi.app;

import io.netty.channel.uring.IoUring;
import io.vertx.core.transport.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * The network transport Vert.x runs on: Netty's io_uring where the kernel allows it and can wait on it
 * without reporting I/O wait, else its epoll, else Java's NIO, the same behaviour with more CPU per
 * request. app/pom.xml ships both native libraries for Linux on x86-64 and 64-bit ARM; a kernel or
 * container that refuses io_uring (an old kernel, a seccomp profile) gets epoll, and any other platform
 * NIO.
 *
 * <p>Before Linux 6.15 an event loop idling in io_uring counts as a task in I/O wait: an idle SpotiPi
 * shows about 100% iowait in {@code top}, full I/O pressure, and on a Raspberry Pi the CPU governor's
 * iowait boost keeps the cores at full clock. 6.15 lets a waiter opt out ({@code IORING_ENTER_NO_IOWAIT}),
 * which Netty does only when asked: {@link #NO_IOWAIT_PROPERTY}, set here unless the command line set it.
 *
 * @param description the transport's name, and why the transports before it were passed over
 */
record NetworkTransport(Transport transport, String description) {
  static final String NO_IOWAIT_PROPERTY = "io.netty.iouring.enterNoIoWaitEnabled";

  static NetworkTransport best() {
    if (System.getProperty(NO_IOWAIT_PROPERTY) == null) {
      System.setProperty(NO_IOWAIT_PROPERTY, "true"); // read once, when Netty first loads io_uring
    }
    List<String> refused = new ArrayList<>();
    for (Transport candidate : new Transport[] {Transport.IO_URING, Transport.EPOLL}) {
      if (candidate == null) {
        continue; // Vert.x found none of its Netty classes
      }
      String refusal = refusal(candidate);
      if (refusal == null) {
        return new NetworkTransport(candidate, describe(candidate.name(), refused));
      }
      refused.add(candidate.name() + ": " + refusal);
    }
    return new NetworkTransport(Transport.NIO, describe("nio", refused));
  }

  /** Why a transport may not be used, or {@code null} when it may. */
  private static String refusal(Transport candidate) {
    if (!candidate.available()) {
      return String.valueOf(candidate.unavailabilityCause());
    }
    if (candidate == Transport.IO_URING && !IoUring.isIoringEnterNoIoWaitEnabled()) {
      return "this kernel would count its idle waits as I/O wait (Linux 6.15 or later does not, unless "
          + NO_IOWAIT_PROPERTY + "=false)";
    }
    return null;
  }

  private static String describe(String name, List<String> refused) {
    return refused.isEmpty() ? name : name + " (" + String.join("; ", refused) + ")";
  }
}
