package io.spotipi.config.storage;

import io.spotipi.config.apply.ConfigRules;
import io.spotipi.config.apply.ConfigValidator;
import io.spotipi.config.apply.StoreState;
import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.message.BackupInfo;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
public final class StartupLoader {
  private static final Logger log = LoggerFactory.getLogger(StartupLoader.class);
  public static final String BUILT_IN_DEFAULTS = "/spotipi/default-config.json";
  private static final Pattern SALVAGE_REVISION =
      Pattern.compile("\"_meta\"\\s*:\\s*\\{[^}]*\"revision\"\\s*:\\s*(\\d{1,18})");

  /** What startup found. {@code state} is durable on disk unless {@code degraded}. */
  public record Loaded(ConfigRules rules, StoreState state, boolean degraded, String degradedReason,
      String recoveredFrom, boolean hasFile) {
  }

  private final FileStore files;
  private final ConfigValidator validator;
  private final Clock clock;

  public StartupLoader(FileStore files, ConfigValidator validator, Clock clock) {
    this.files = files;
    this.validator = validator;
    this.clock = clock;
  }

  public Loaded load() throws IOException {
    files.createDataDir();
    ConfigRules rules = new ConfigRules(defaults(), validator);
    Optional<Buffer> primary = files.readPrimary();
    if (primary.isEmpty()) {
      log.info("no {} yet: starting from the defaults at revision 0", files.primary().getFileName());
      return new Loaded(rules, new StoreState(0, rules.effective(new JsonObject()), new JsonObject(), null),
          false, null, null, false);
    }
    try {
      return new Loaded(rules, parse(rules, primary.get()), false, null, null, true);
    } catch (DecodeException bad) {
      return recover(rules, primary.get(), bad.getMessage());
    }
  }

  /** Built-in defaults overlaid by the data dir's default_config.json, when that one is usable. */
  private JsonObject defaults() throws IOException {
    JsonObject builtIn = new JsonObject(ConfigSchema.read(BUILT_IN_DEFAULTS));
    Optional<Buffer> custom = files.readDefaults();
    if (custom.isEmpty()) {
      return builtIn;
    }
    try {
      JsonObject merged = builtIn.copy().mergeIn(new JsonObject(custom.get()));
      merged.remove(ConfigValidator.META);
      List<FieldError> errors = validator.validate(merged);
      if (errors.isEmpty()) {
        return merged;
      }
      log.error("{} ignored, it does not satisfy the schema: {}", FileStore.DEFAULTS_FILE, errors);
    } catch (DecodeException | ClassCastException e) {
      log.error("{} ignored, it is not a JSON object: {}", FileStore.DEFAULTS_FILE, e.getMessage());
    }
    return builtIn;
  }

  /** A stored file as a state, if it parses and its effective document satisfies the schema. */
  public static StoreState parse(ConfigRules rules, Buffer bytes) {
    StoredFile.Contents c = StoredFile.decode(bytes);
    JsonObject effective = rules.effective(c.overrides());
    List<FieldError> errors = rules.validate(effective);
    if (!errors.isEmpty()) {
      throw new DecodeException("does not satisfy the schema: " + errors);
    }
    ConfigRules.normalize(effective);
    return new StoreState(c.revision(), effective, rules.overrides(effective), c.savedAt(), c.epoch());
  }

  private Loaded recover(ConfigRules rules, Buffer corrupt, String why) throws IOException {
    Instant now = clock.instant();
    String aside = files.moveAsideCorrupt(now).getFileName().toString();
    List<BackupInfo> backups = files.listBackups();
    // Revisions never repeat: the recovered state continues after every revision we can still see.
    long highest = Math.max(salvageRevision(corrupt), backups.isEmpty() ? 0 : backups.get(0).revision());
    for (BackupInfo b : backups) {
      try {
        StoreState restored = parse(rules, files.readBackup(b.id()));
        StoreState next = new StoreState(highest + 1, restored.effective(), restored.overrides(), now,
            restored.epoch());
        files.writePrimary(StoredFile.encode(next));
        String from = FileStore.BACKUP_DIR + "/" + b.id() + ".json";
        log.error("revision {}: {} was unusable ({}); moved aside as {}, restored {}",
            next.revision(), files.primary().getFileName(), why, aside, from);
        return new Loaded(rules, next, false, null, from, true);
      } catch (DecodeException skip) {
        log.warn("backup {} is unusable too ({}), trying an older one", b.id(), skip.getMessage());
      }
    }
    String reason = files.primary().getFileName() + " was unusable (" + why + ") and no valid backup exists; "
        + "moved aside as " + aside + ", running on the defaults until the next commit";
    log.error("revision {}: {}", highest, reason);
    return new Loaded(rules, new StoreState(highest, rules.effective(new JsonObject()), new JsonObject(), null),
        true, reason, null, false);
  }

  /** The revision a damaged file claimed, if its text still shows one; 0 otherwise. */
  static long salvageRevision(Buffer corrupt) {
    Matcher m = SALVAGE_REVISION.matcher(corrupt.toString());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
