package io.spotipi.app.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar runs on Linux on x86-64 and on 64-bit ARM (a Raspberry Pi on a 64-bit OS) with
 * Netty's native transports, and carries no other native code: every entry is read, whatever its
 * name, and one that starts like an ELF, Mach-O or PE binary counts as native.
 */
class NativeLibrariesTest {
  private static final Path JAR = Path.of("target/spotipi.jar");
  /** ELF e_machine values. */
  private static final int X86_64 = 62;
  private static final int AARCH64 = 183;

  @Test
  void theJarCarriesNettysLinuxTransportsForX8664AndAarch64AndNothingElseNative() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    for (String transport : new String[] {"epoll", "io_uring42"}) {
      expected.put("META-INF/native/libnetty_transport_native_" + transport + "_x86_64.so", elf(X86_64));
      expected.put("META-INF/native/libnetty_transport_native_" + transport + "_aarch_64.so", elf(AARCH64));
    }
    assertEquals(expected, nativeEntries());
  }

  /** Every entry that holds native code, with what kind of binary it is. */
  private static Map<String, String> nativeEntries() throws IOException {
    Map<String, String> natives = new TreeMap<>();
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements();) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        byte[] head;
        try (InputStream in = jar.getInputStream(entry)) {
          head = in.readNBytes(20);
        }
        String kind = kind(entry.getName(), head);
        if (kind != null) {
          natives.put(entry.getName(), kind);
        }
      }
    }
    return natives;
  }

  /** Null for anything but a native binary (or a file named like one). */
  private static String kind(String name, byte[] head) {
    String magic = head.length < 4 ? "" : HexFormat.of().formatHex(head, 0, 4);
    if (magic.equals("7f454c46")) {
      // 64-bit little-endian, as on both targets; e_machine at offset 18.
      return head.length < 20 || head[4] != 2 || head[5] != 1 ? "ELF (not 64-bit little-endian)"
          : elf((head[18] & 0xff) | (head[19] & 0xff) << 8);
    }
    if (magic.matches("feedfac[ef]|c[ef]faedfe") || magic.equals("cafebabe") && !name.endsWith(".class")) {
      return "Mach-O";
    }
    if (magic.startsWith("4d5a")) {
      return "PE";
    }
    return name.matches(".*\\.(so(\\.[0-9.]+)?|dll|dylib|jnilib)") ? "named like a native library" : null;
  }

  private static String elf(int machine) {
    return "ELF machine " + machine;
  }
}
