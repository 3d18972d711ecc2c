package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against a stand-in owner that serves, vanishes or goes silent: what its reads answer
 * while no owner does. With the real owner, config-verticle's tests cover it.
 */
@ExtendWith(VertxExtension.class)
class ConfigClientTest {
  /** Longer than any test waits: a read that waited for it would fail the test by its own timeout. */
  private static final long REQUEST_TIMEOUT_MS = 60_000;

  private Vertx vertx;
  private Context context;
  private FakeOwner owner;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    context = vertx.getOrCreateContext();
    owner = new FakeOwner();
  }

  @Test
  void everyLoadFailsAsUnavailableWhileNobodyServesTheStore() {
    ConfigClient client = client();
    for (int i = 0; i < 2; i++) { // the second after the first one's failure was shared and dropped
      ConfigFailure f = ConfigFailure.from(Await.failure(Await.call(context, client::load)));
      assertEquals(ErrorCode.UNAVAILABLE, f.code(), f.getMessage());
    }
  }

  @Test
  void withTheOwnerGoneReadsAnswerTheLastSnapshotMarkedStale() {
    owner.serve(3);
    ConfigClient client = client();
    ConfigSnapshot fresh = load(client);
    assertEquals(3, fresh.revision());
    assertFalse(fresh.stale());
    assertFalse(client.stale());

    owner.vanish();
    invalidate(client);
    ConfigSnapshot stale = load(client);
    assertEquals(3, stale.revision());
    assertTrue(stale.stale());
    assertEquals(fresh.json(), stale.json(), "the same document, the same bytes");
    assertTrue(client.stale(), "the client knows the owner is gone");
    assertTrue(Await.on(context, () -> client.load(3)).stale(), "at least revision 3: the stale one is that new");
    ConfigFailure newer = ConfigFailure.from(Await.failure(Await.call(context, () -> client.load(4))));
    assertEquals(ErrorCode.UNAVAILABLE, newer.code(), "a revision never seen cannot be made up");
    assertFalse(client.failoverUnderWay(), "a single node has no failover to wait for");
  }

  @Test
  void aSilentOwnerCostsOneWaitNotOnePerRead() {
    owner.serve(5);
    ConfigClient client = client(new ConfigClientOptions("test").setStaleReadAfterMs(50)
        .setRequestTimeoutMs(REQUEST_TIMEOUT_MS));
    load(client);

    owner.silence();
    invalidate(client);
    for (int i = 0; i < 20; i++) {
      ConfigSnapshot snap = load(client);
      assertEquals(5, snap.revision());
      assertTrue(snap.stale());
    }
    // All answered while the one request still waits for its (minute-long) timeout: no read waited for it.
    assertEquals(1, owner.held.size(), "requests to the silent owner");
  }

  @Test
  void anOwnerThatAnswersAgainEndsTheStaleness() {
    owner.serve(7);
    ConfigClient client = client();
    load(client);
    owner.vanish();
    invalidate(client);
    assertTrue(load(client).stale());

    owner.serve(8);
    Await.result(Await.call(context, () -> {
      vertx.eventBus().publish(Addresses.CONFIG_CHANGED, new ConfigChanged(8, List.of("alarm_volume"), "test"));
      return Future.succeededFuture();
    }));
    awaitTrue(() -> !client.stale());
    ConfigSnapshot snap = load(client);
    assertEquals(8, snap.revision());
    assertFalse(snap.stale());
  }

  /** The clients of one node share what they learn about the owner: one failure spares the others theirs. */
  @Test
  void aFreshCacheIsMarkedStaleOnceAnyClientOfTheNodeFoundTheOwnerGone() {
    owner.serve(2);
    ConfigClient reader = client();
    load(reader);
    assertFalse(Await.on(context, () -> Future.succeededFuture(reader.loadCached())).stale());

    owner.vanish();
    ConfigClient other = client();
    Await.failure(Await.call(context, () -> other.patch(new JsonObject().put("alarm_volume", 9))));
    ConfigSnapshot cached = Await.on(context, () -> Future.succeededFuture(reader.loadCached()));
    assertEquals(2, cached.revision());
    assertTrue(cached.stale());
  }

  @Test
  void readsOnlyTheOwnerCanAnswerFailAtOnceOnASingleNode() {
    ConfigClient client = client();
    for (Future<?> read : List.of(Await.call(context, client::status), Await.call(context, client::backups))) {
      ConfigFailure f = ConfigFailure.from(Await.failure(read));
      assertEquals(ErrorCode.UNAVAILABLE, f.code());
      assertTrue(f.getMessage().startsWith("no config owner answers"), f.getMessage());
    }
    assertNull(Await.on(context, () -> Future.succeededFuture(client.loadCached())));
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private ConfigClient client() {
    return client(new ConfigClientOptions("test").setRequestTimeoutMs(REQUEST_TIMEOUT_MS));
  }

  private ConfigClient client(ConfigClientOptions options) {
    return Await.on(context, () -> {
      ConfigClient c = ConfigClient.create(vertx, options);
      return c.ready().map(c);
    });
  }

  private ConfigSnapshot load(ConfigClient client) {
    return Await.on(context, client::load);
  }

  /** What a new owner sends when it takes over: every near cache drops its copy. Waits until the client heard it. */
  private void invalidate(ConfigClient client) {
    Await.on(context, () -> {
      Promise<Void> heard = Promise.promise();
      client.onInvalidate(heard::tryComplete);
      client.invalidateAll();
      return heard.future();
    });
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Await.TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in " + Await.TIMEOUT_SECONDS + " s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Stands in for the config owner's {@code spotipi.config.load}: serves a revision, is gone, or holds every request. */
  private final class FakeOwner {
    final List<Message<Object>> held = new CopyOnWriteArrayList<>();
    private MessageConsumer<Object> consumer;
    private volatile long revision;
    private volatile boolean silent;

    void serve(long revision) {
      this.revision = revision;
      silent = false;
      if (consumer == null) {
        consumer = vertx.eventBus().consumer(Addresses.CONFIG_LOAD, this::answer);
        Await.result(consumer.completion());
      }
    }

    void vanish() {
      Await.result(consumer.unregister());
      consumer = null;
    }

    void silence() {
      silent = true;
    }

    private void answer(Message<Object> msg) {
      if (silent) {
        held.add(msg);
      } else {
        msg.reply(new ConfigDocument(revision, new JsonObject().put("alarm_volume", (int) revision)));
      }
    }
  }
}
