package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.HistoryEntry;
import io.spotipi.shared.message.HistoryRequest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/config/events}: Server-Sent Events, one per durable commit ({@code id:} = revision),
 * fed by the change events the near cache already receives. {@code Last-Event-ID} replays the commits
 * after it from the owner's history first; live events that arrive meanwhile wait behind the replay,
 * and nothing is sent twice. Commits a watcher can no longer be told about (gone from the bounded,
 * in-memory history, or never announced by an owner that died) are not skipped in silence: an
 * {@code event: resync} says from which revision the stream goes on, so the client re-reads the
 * config. A slow watcher whose write queue fills up is disconnected rather than buffered without bound.
 */
final class EventsHandler {
  private static final Logger log = LoggerFactory.getLogger(EventsHandler.class);
  private static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream; charset=utf-8");
  private static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

  private final ConfigClient client;
  private final Set<Watcher> watchers = new LinkedHashSet<>();

  private final class Watcher {
    final HttpServerResponse response;
    long lastSent;
    /** Live events held back while the replay is under way; {@code null} once live. */
    List<ConfigChanged> held = new ArrayList<>();

    Watcher(HttpServerResponse response, long lastSent) {
      this.response = response;
      this.lastSent = lastSent;
    }

    void send(long revision, Buffer event) {
      if (revision <= lastSent) {
        return;
      }
      if (lastSent != Long.MIN_VALUE && revision > lastSent + 1) {
        resync(revision - 1, "commits " + (lastSent + 1) + ".." + (revision - 1) + " are missing from the stream");
      }
      lastSent = revision;
      write(event);
    }

    /** Tells the client that the stream goes on after {@code revision} and it may have missed commits. */
    void resync(long revision, String detail) {
      log.info("events watcher resynced at revision {}: {}", revision, detail);
      lastSent = revision;
      write(Buffer.buffer("event: resync\ndata: " + new JsonObject().put("revision", revision)
          .put("detail", detail + "; read GET /api/config for the current state").encode() + "\n\n"));
    }

    void write(Buffer data) {
      if (response.writeQueueFull()) {
        log.warn("an events watcher fell behind at revision {}: disconnected", lastSent);
        close();
      } else {
        response.write(data);
      }
    }

    void close() {
      watchers.remove(this);
      response.reset();
    }
  }

  EventsHandler(Vertx vertx, ConfigClient client, long heartbeatMs) {
    this.client = client;
    client.onChange(this::broadcast);
    vertx.setPeriodic(heartbeatMs, id -> List.copyOf(watchers).forEach(w -> w.write(HEARTBEAT)));
  }

  int watcherCount() {
    return watchers.size();
  }

  void watch(RoutingContext rc) {
    Long after = lastEventId(rc.request().getHeader("Last-Event-ID"));
    HttpServerResponse resp = rc.response();
    resp.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, EVENT_STREAM).putHeader("X-Accel-Buffering", "no");
    Watcher w = new Watcher(resp, after == null ? Long.MIN_VALUE : after);
    watchers.add(w);
    resp.closeHandler(v -> watchers.remove(w));
    resp.write(": watching config commits\n\n");
    if (after == null) {
      w.held = null;
      return;
    }
    // The current revision first: every commit up to it is in the history fetched next, unless lost.
    client.load().compose(now -> client.history(new HistoryRequest(null, after))
        .map(page -> new Replay(now.revision(), page.entries()))).onComplete(ar -> {
      if (ar.succeeded()) {
        replay(w, after, ar.result());
      } else {
        log.warn("events replay after revision {} failed: {}", after, ar.cause().getMessage());
        w.write(Buffer.buffer(": replay unavailable, live events only\n\n"));
      }
      List<ConfigChanged> held = w.held;
      w.held = null;
      held.forEach(c -> w.send(c.revision(), event(c.revision(), c.changedKeys(), c.origin())));
    });
  }

  private record Replay(long current, List<HistoryEntry> entries) {
  }

  private static void replay(Watcher w, long after, Replay r) {
    if (after > r.current()) {
      w.resync(r.current(), "Last-Event-ID " + after + " is ahead of this store (revision " + r.current() + ")");
    }
    for (HistoryEntry e : r.entries()) {
      w.send(e.revision(), event(e.revision(), e.changedKeys(), e.origin()));
    }
    if (w.lastSent < r.current()) {
      w.resync(r.current(), "commits " + (w.lastSent + 1) + ".." + r.current() + " are no longer in the history");
    }
  }

  private void broadcast(ConfigChanged c) {
    if (watchers.isEmpty()) {
      return; // every commit passes here: encode only for someone
    }
    Buffer event = event(c.revision(), c.changedKeys(), c.origin());
    for (Watcher w : List.copyOf(watchers)) {
      if (w.held != null) {
        w.held.add(c);
      } else {
        w.send(c.revision(), event);
      }
    }
  }

  static Buffer event(long revision, List<String> changedKeys, String origin) {
    JsonObject data = new JsonObject().put("revision", revision)
        .put("changed_keys", new JsonArray(new ArrayList<>(changedKeys == null ? List.of() : changedKeys)))
        .put("origin", origin);
    return Buffer.buffer("id: " + revision + "\ndata: " + data.encode() + "\n\n");
  }

  /** @throws Problem 400 when the header is not a revision */
  static Long lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(header.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problem.of(400, "Last-Event-ID must be a revision (a whole number ≥ 0)");
  }
}
