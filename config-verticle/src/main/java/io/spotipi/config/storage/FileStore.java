package io.spotipi.config.storage;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.BackupInfo;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data dir on disk. Every method blocks: call them only from the store's worker executor.
 *
 * <p>Layout: {@code default_config.json} (optional), {@code <env>.json} (the user's keys and
 * {@code _meta}), {@code <env>.state.json} (the internal state, readable by the owner only),
 * {@code backups/r<revision>-<UTC time>.json}. Every write is atomic and durable: a temp file in the
 * same folder, fsync, rename over the target, fsync the folder.
 */
final class FileStore {
  static final String DEFAULTS_FILE = "default_config.json";
  static final String BACKUP_DIR = "backups";

  static final Pattern BACKUP_ID = BackupInfo.ID_PATTERN;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Path primary;
  private final Path state;
  private final Path backups;

  FileStore(Path dir, String env) {
    this.dir = dir.toAbsolutePath().normalize();
    this.primary = this.dir.resolve(env + ".json");
    this.state = this.dir.resolve(env + ".state.json");
    this.backups = this.dir.resolve(BACKUP_DIR);
  }

  Path dir() {
    return dir;
  }

  Path primary() {
    return primary;
  }

  Path state() {
    return state;
  }

  /** A fresh install points at a data dir that does not exist yet: the first commit must not fail. */
  void createDataDir() throws IOException {
    requireWorker();
    Files.createDirectories(dir);
  }

  /** The user's file, or empty when there is none yet. */
  Optional<Buffer> readPrimary() throws IOException {
    requireWorker();
    return readIfExists(primary);
  }

  /** {@code default_config.json}, or empty when the data dir has none. */
  Optional<Buffer> readDefaults() throws IOException {
    requireWorker();
    return readIfExists(dir.resolve(DEFAULTS_FILE));
  }

  private static Optional<Buffer> readIfExists(Path file) throws IOException {
    try {
      return Optional.of(Buffer.buffer(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Commits bytes as the user's file: after this returns they survive a crash or power loss. */
  void writePrimary(Buffer bytes) throws IOException {
    requireWorker();
    writeAtomically(primary, bytes);
  }

  /** The internal state's file, or empty when there is none yet. */
  Optional<Buffer> readState() throws IOException {
    requireWorker();
    return readIfExists(state);
  }

  /**
   * Commits bytes as the internal state's file, readable and writable by the owner only from the
   * moment it exists (it will hold secrets): the temp file is created with those permissions.
   */
  void writeState(Buffer bytes) throws IOException {
    requireWorker();
    writeAtomically(state, bytes, OWNER_ONLY);
  }

  /** Renames a file that cannot be loaded to {@code <name>.corrupt-<UTC time>}; never deletes it. */
  Path moveAsideCorrupt(Path file, Instant now) throws IOException {
    requireWorker();
    Path target = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(now));
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    fsyncDir(dir);
    return target;
  }

  // ---- backups ------------------------------------------------------------------------------------

  /** Writes a backup of a committed file's bytes; ids sort by revision, then time. */
  BackupInfo createBackup(long revision, Buffer bytes, Instant now) throws IOException {
    requireWorker();
    Files.createDirectories(backups);
    Instant at = now;
    Path file;
    do { // two backups of one revision in one millisecond: take the next free millisecond
      file = backups.resolve(backupId(revision, at) + ".json");
      at = at.plusMillis(1);
    } while (Files.exists(file));
    writeAtomically(file, bytes);
    return info(file).orElseThrow();
  }

  static String backupId(long revision, Instant at) {
    return String.format("r%010d-%s", revision, STAMP.format(at));
  }

  /** Every backup, newest first. */
  List<BackupInfo> listBackups() throws IOException {
    requireWorker();
    List<BackupInfo> out = new ArrayList<>();
    if (!Files.isDirectory(backups)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(backups, "r*.json")) {
      for (Path f : files) {
        info(f).ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparing(BackupInfo::id).reversed());
    return out;
  }

  /**
   * A backup's bytes.
   *
   * @throws ConfigFailure BAD_REQUEST for an id outside the pattern (so never a path outside
   *     {@code backups/}), NOT_FOUND for one that does not exist
   */
  Buffer readBackup(String id) throws IOException {
    requireWorker();
    if (id == null || !BACKUP_ID.matcher(id).matches()) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "not a backup id: " + id);
    }
    return readIfExists(backups.resolve(id + ".json"))
        .orElseThrow(() -> new ConfigFailure(ErrorCode.NOT_FOUND, "no backup " + id));
  }

  /** Deletes all but the newest {@code keep} backups; returns how many went. */
  int rotateBackups(int keep) throws IOException {
    requireWorker();
    List<BackupInfo> all = listBackups();
    int removed = 0;
    for (BackupInfo old : all.subList(Math.min(keep, all.size()), all.size())) {
      Files.deleteIfExists(backups.resolve(old.id() + ".json"));
      removed++;
    }
    if (removed > 0) {
      fsyncDir(backups);
    }
    return removed;
  }

  private static Optional<BackupInfo> info(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(".json")) {
      return Optional.empty();
    }
    Matcher m = BACKUP_ID.matcher(name.substring(0, name.length() - ".json".length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant created = Instant.from(STAMP.parse(m.group(2)));
    return Optional.of(new BackupInfo(m.group(0), Long.parseLong(m.group(1)), created, Files.size(file)));
  }

  /** Disk I/O on an event loop would stall every handler on it: refuse it outright. */
  private static void requireWorker() {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("blocking disk I/O called on an event loop: " + Thread.currentThread().getName());
    }
  }

  // ---- the atomic write ---------------------------------------------------------------------------

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private static void writeAtomically(Path target, Buffer bytes) throws IOException {
    writeAtomically(target, bytes, null);
  }

  /** @param permissions of the new file, or null for the default; a temp file left by a crash is replaced */
  private static void writeAtomically(Path target, Buffer bytes, Set<PosixFilePermission> permissions)
      throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    FileAttribute<?>[] attrs = {};
    if (permissions != null) {
      Files.deleteIfExists(tmp); // CREATE would keep a stale one's permissions
      if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        attrs = new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
      }
    }
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING), attrs)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes.getBytes());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDir(target.getParent());
  }

  /** Makes a rename durable: on Linux a directory's entries are synced through its own descriptor. */
  private static void fsyncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
