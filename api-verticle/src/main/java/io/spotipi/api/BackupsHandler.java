package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.BackupInfo;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** {@code /api/backups}: list, create on demand, and restore one as a new revision. */
final class BackupsHandler {
  /**
   * The owner's backup file names ({@code r<revision>-<UTC stamp>}): anything else, such as a path, is
   * refused here before it reaches the owner.
   */
  static final Pattern BACKUP_ID = BackupInfo.ID_PATTERN;

  private final ConfigClient client;

  BackupsHandler(ConfigClient client) {
    this.client = client;
  }

  void list(RoutingContext rc) {
    client.backups().onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.backups().forEach(b -> out.add(Json.toJson(b)));
      Replies.json(rc, 200, out.toBuffer());
    }).onFailure(rc::fail);
  }

  void create(RoutingContext rc) {
    client.createBackup().onSuccess(b -> {
      rc.response().putHeader(HttpHeaders.LOCATION, "/api/backups/" + b.id());
      Replies.json(rc, 201, Json.toJson(b).toBuffer());
    }).onFailure(rc::fail);
  }

  /** 200 with the new revision and document; its ETag is the new revision's. */
  void restore(RoutingContext rc) {
    String id = checkedId(rc.pathParam("id"));
    client.restore(id).onSuccess(s -> {
      rc.response().putHeader(HttpHeaders.ETAG, s.etag());
      Replies.json(rc, 200, new JsonObject().put("revision", s.revision()).put("config", s.config()).toBuffer());
    }).onFailure(rc::fail);
  }

  /** @throws Problem 400 for an id outside the backup name pattern */
  static String checkedId(String id) {
    if (id == null || !BACKUP_ID.matcher(id).matches()) {
      throw Problem.of(400, "a backup id looks like r0000000042-20260101T120000000Z");
    }
    return id;
  }
}
