package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.uring.IoUring;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

class NetworkTransportTest {
  /** The platforms app/pom.xml ships Netty's native libraries for; elsewhere NIO is the right answer. */
  static boolean nativeLibrariesShipped() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("aarch64"));
  }

  @Test
  void theChosenTransportCanRun() {
    NetworkTransport chosen = NetworkTransport.best();
    assertTrue(chosen.transport().available(), chosen.description());
  }

  @Test
  void aPlatformWeShipLibrariesForRunsNative() {
    assumeTrue(nativeLibrariesShipped());
    NetworkTransport chosen = NetworkTransport.best();
    assertTrue(chosen.description().matches("(io_uring|epoll)( \\(.*\\))?"), chosen.description());
  }

  /** An idle event loop on io_uring must not show up as a task in I/O wait. */
  @Test
  void ioUringIsChosenOnlyWhereItsIdleWaitIsNotIoWait() {
    NetworkTransport chosen = NetworkTransport.best();
    if (chosen.transport() == Transport.IO_URING) {
      assertTrue(IoUring.isIoringEnterNoIoWaitEnabled());
    } else if (Transport.IO_URING != null && Transport.IO_URING.available()) {
      assertTrue(chosen.description().contains("io_uring: this kernel would count its idle waits as I/O wait"),
          chosen.description());
    }
  }
}
