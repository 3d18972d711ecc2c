package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdTest {
  @TempDir
  Path temp;

  @Test
  void sameDataDirGivesTheSameIdAcrossStarts() throws Exception {
    Path dataDir = temp.resolve("data");
    String first = NodeId.resolve(dataDir, null);
    assertEquals(first, NodeId.resolve(dataDir, null));
    assertEquals(first, Files.readString(dataDir.resolve("node-id")).trim());
    assertTrue(OptionReader.SAFE_NAME.matcher(first).matches(), first);
  }

  @Test
  void eachDataDirHasItsOwnId() throws Exception {
    assertNotEquals(NodeId.resolve(temp.resolve("a"), null), NodeId.resolve(temp.resolve("b"), null));
  }

  @Test
  void anExplicitIdWinsAndLeavesTheDataDirAlone() throws Exception {
    Path dataDir = temp.resolve("data");
    assertEquals("kitchen", NodeId.resolve(dataDir, "kitchen"));
    assertFalse(Files.exists(dataDir));
  }

  @Test
  void leavesNoTempFileBehind() throws Exception {
    NodeId.resolve(temp, null);
    try (var files = Files.list(temp)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aCorruptFileIsReportedNotReplaced() throws Exception {
    Files.writeString(temp.resolve("node-id"), "../../etc\n");
    UsageException e = assertThrows(UsageException.class, () -> NodeId.resolve(temp, null));
    assertEquals(temp.resolve("node-id") + " does not hold a valid node id; fix or delete it", e.getMessage());
    assertEquals("../../etc\n", Files.readString(temp.resolve("node-id")));
  }

  @Test
  void aDataDirThatIsAFileFails() throws Exception {
    Path file = Files.writeString(temp.resolve("plain-file"), "x");
    assertThrows(IOException.class, () -> NodeId.resolve(file, null));
  }
}
