package io.spotipi.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * This node's identity in a cluster and in the status: the {@code --node-id} when given, otherwise an id
 * generated on the first start and kept in {@code <data-dir>/node-id}, so it stays the same across
 * restarts of the same data dir. That file is the only one in the data dir the app itself writes.
 */
final class NodeId {
  private static final String FILE_NAME = "node-id";

  private NodeId() {
  }

  /**
   * @throws UsageException the file holds something that is not a node id (fix or delete it)
   * @throws IOException the data dir or the file cannot be created or read
   */
  static String resolve(Path dataDir, String explicit) throws IOException, UsageException {
    if (explicit != null) {
      return explicit;
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!OptionReader.SAFE_NAME.matcher(stored).matches()) {
        throw new UsageException(file + " does not hold a valid node id; fix or delete it");
      }
      return stored;
    }
    return create(dataDir, file);
  }

  /** Written to a temp file and renamed, so a crash never leaves an empty or half-written id. */
  private static String create(Path dataDir, Path file) throws IOException {
    Files.createDirectories(dataDir);
    String id = UUID.randomUUID().toString();
    Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
    try {
      Files.writeString(temp, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return id;
  }
}
