package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    assertTrue(chosen.description().equals("io_uring") || chosen.description().equals("epoll"), chosen.description());
  }
}
