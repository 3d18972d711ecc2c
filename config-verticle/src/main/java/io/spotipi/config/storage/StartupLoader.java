package io.spotipi.config.storage;

import io.spotipi.config.apply.ConfigRules;
import io.spotipi.config.apply.InternalState;
import io.spotipi.config.apply.StoreState;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.BackupInfo;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the data dir at startup (blocking: runs on the store's worker) and recovers from a corrupt
 * user file: it is moved aside, never deleted, and the newest valid backup takes its place. With no
 * valid backup the store starts from the defaults, degraded, until the next commit writes a fresh file.
 */
final class StartupLoader {
  private static final Logger log = LoggerFactory.getLogger(StartupLoader.class);
  private static final Pattern SALVAGE_REVISION =
      Pattern.compile("\"_meta\"\\s*:\\s*\\{[^}]*\"revision\"\\s*:\\s*(\\d{1,18})");

  /**
   * What startup found. {@code state} is durable on disk unless the store is degraded
   * ({@code degradedReason} says why); {@code recoveredFrom} names the backup that replaced a bad file.
   */
  record Loaded(ConfigRules rules, StoreState state, String degradedReason, String recoveredFrom, boolean hasFile,
      InternalState internal) {
    Loaded with(InternalState internalState) {
      return new Loaded(rules, state, degradedReason, recoveredFrom, hasFile, internalState);
    }
  }

  private final FileStore files;
  private final Clock clock;
  /** The schedulers' old keys the user's file carried (see {@link #migrate}). */
  private JsonObject legacy = new JsonObject();

  StartupLoader(FileStore files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  Loaded load() throws IOException {
    files.createDataDir();
    InternalState internal = internalState();
    Loaded loaded = config();
    return legacy.isEmpty() ? loaded.with(internal) : migrate(loaded, internal);
  }

  private Loaded config() throws IOException {
    ConfigRules rules = rules();
    Optional<Buffer> primary = files.readPrimary();
    if (primary.isEmpty()) {
      log.info("no {} yet: starting from the defaults at revision 0", files.primary().getFileName());
      return new Loaded(rules, rules.defaultsAt(0), null, null, false, null);
    }
    try {
      StoredFile.Contents contents = StoredFile.decode(primary.get());
      legacy = contents.legacy();
      return new Loaded(rules, StoredFile.state(rules, contents), null, null, true, null);
    } catch (DecodeException bad) {
      return recover(rules, primary.get(), bad.getMessage());
    }
  }

  /** Built-in defaults overlaid by the data dir's default_config.json, when that one is usable. */
  private ConfigRules rules() throws IOException {
    ConfigRules builtIn = ConfigRules.builtIn();
    Optional<Buffer> custom = files.readDefaults();
    if (custom.isEmpty()) {
      return builtIn;
    }
    try {
      return builtIn.withDefaults(new JsonObject(custom.get()));
    } catch (ConfigFailure invalid) {
      log.error("{} ignored, it does not satisfy the schema: {}", FileStore.DEFAULTS_FILE, invalid.errors());
    } catch (DecodeException | ClassCastException e) {
      log.error("{} ignored, it is not a JSON object: {}", FileStore.DEFAULTS_FILE, e.getMessage());
    }
    return builtIn;
  }

  private Loaded recover(ConfigRules rules, Buffer corrupt, String why) throws IOException {
    Instant now = clock.instant();
    String aside = files.moveAsideCorrupt(files.primary(), now).getFileName().toString();
    List<BackupInfo> backups = files.listBackups();
    // Revisions never repeat: the recovered state continues after every revision we can still see.
    long highest = Math.max(salvageRevision(corrupt), backups.isEmpty() ? 0 : backups.get(0).revision());
    for (BackupInfo b : backups) {
      try {
        StoreState restored = StoredFile.read(rules, files.readBackup(b.id()));
        StoreState next = new StoreState(highest + 1, restored.effective(), restored.overrides(), now,
            restored.epoch());
        files.writePrimary(StoredFile.encode(next));
        String from = FileStore.BACKUP_DIR + "/" + b.id() + ".json";
        log.error("revision {}: {} was unusable ({}); moved aside as {}, restored {}",
            next.revision(), files.primary().getFileName(), why, aside, from);
        return new Loaded(rules, next, null, from, true, null);
      } catch (DecodeException skip) {
        log.warn("backup {} is unusable too ({}), trying an older one", b.id(), skip.getMessage());
      }
    }
    String reason = files.primary().getFileName() + " was unusable (" + why + ") and no valid backup exists; "
        + "moved aside as " + aside + ", running on the defaults until the next commit";
    log.error("revision {}: {}", highest, reason);
    return new Loaded(rules, rules.defaultsAt(highest), reason, null, false, null);
  }

  /**
   * A data dir from before the internal state: the schedulers' bookkeeping keys move out of the
   * user's file into the scheduler section, and the user's file is written again without them, as
   * the next revision. The state is written first: a crash in between leaves the keys in both places
   * and the next start finishes the move, as a section that exists already wins (the keys are then
   * only dropped), so nothing the schedulers recorded is lost or fires again.
   */
  private Loaded migrate(Loaded loaded, InternalState internal) throws IOException {
    Instant now = clock.instant();
    InternalState state = internal;
    if (internal.section(StateSections.SCHEDULER).revision() == 0) {
      Object by = legacy.getValue(SchedulerState.LAST_FIRED_BY);
      SchedulerState moved = new SchedulerState(instantOrNull(legacy.getValue(SchedulerState.PLANNED_OCCURRENCE)),
          instantOrNull(legacy.getValue(SchedulerState.LAST_FIRED_OCCURRENCE)), by instanceof String b ? b : null, null);
      state = internal.with(StateSections.SCHEDULER, moved.toJson(), now);
      files.writeState(StateFile.encode(state));
    }
    StoreState s = loaded.state();
    StoreState without = new StoreState(s.revision() + 1, s.effective(), s.overrides(), now, s.epoch());
    files.writePrimary(StoredFile.encode(without));
    log.info("revision {}: the schedulers' bookkeeping {} moved from {} into {}", without.revision(),
        legacy.fieldNames(), files.primary().getFileName(), files.state().getFileName());
    return new Loaded(loaded.rules(), without, loaded.degradedReason(), loaded.recoveredFrom(), loaded.hasFile(), state);
  }

  /** An old key's instant; {@code null} when absent or unreadable (then it constrains nothing). */
  private static Instant instantOrNull(Object value) {
    try {
      return value instanceof String text ? Instant.parse(text) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The internal state. An unusable file is moved aside (never deleted) and the state starts empty:
   * it has no backups, which could leak its secrets.
   */
  private InternalState internalState() throws IOException {
    Optional<Buffer> bytes = files.readState();
    if (bytes.isEmpty()) {
      return InternalState.EMPTY;
    }
    try {
      return StateFile.decode(bytes.get());
    } catch (DecodeException bad) {
      String aside = files.moveAsideCorrupt(files.state(), clock.instant()).getFileName().toString();
      log.error("{} was unusable ({}); moved aside as {}, the internal state starts empty",
          files.state().getFileName(), bad.getMessage(), aside);
      return InternalState.EMPTY;
    }
  }

  /** The revision a damaged file claimed, if its text still shows one; 0 otherwise. */
  static long salvageRevision(Buffer corrupt) {
    Matcher m = SALVAGE_REVISION.matcher(corrupt.toString());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
