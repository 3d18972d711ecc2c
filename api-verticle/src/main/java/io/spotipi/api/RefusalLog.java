package io.spotipi.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One log line per refused request, at most one per client a minute: a hostile page or a script
 * retrying in a loop must not flood the log. The line after a quiet minute says how many refusals it
 * held back. At most {@code maxClients} are remembered, the least recently refused going first.
 *
 * <p>Not thread-safe: each verticle instance owns one and uses it from its event loop only.
 */
final class RefusalLog {
  static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  static final int DEFAULT_MAX_CLIENTS = 1_000;
  /** Headers quoted in a detail are the client's text: cut short in the log. */
  private static final int MAX_DETAIL = 200;

  private final LongSupplier nanoClock;
  private final Consumer<String> sink;
  private final Map<String, Client> clients;

  private static final class Client {
    long loggedAt;
    int heldBack;

    Client(long loggedAt) {
      this.loggedAt = loggedAt;
    }
  }

  RefusalLog(int maxClients, LongSupplier nanoClock, Consumer<String> sink) {
    this.nanoClock = nanoClock;
    this.sink = sink;
    this.clients = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
        return size() > maxClients;
      }
    };
  }

  /** Logs, or counts, one refusal of {@code request} (such as {@code PATCH /api/config}). */
  void refused(String client, String request, Problem p) {
    long now = nanoClock.getAsLong();
    Client c = clients.get(client);
    if (c != null && now - c.loggedAt < INTERVAL_NANOS) {
      c.heldBack++;
      return;
    }
    int heldBack = c == null ? 0 : c.heldBack;
    clients.put(client, new Client(now));
    sink.accept("refused " + request + " from " + client + ": " + p.status() + " " + printable(p.detail())
        + (heldBack == 0 ? "" : " (" + heldBack + " more from this client since its last line, not logged)"));
  }

  private static String printable(String detail) {
    String d = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    return d.replaceAll("\\p{Cntrl}", "?");
  }
}
