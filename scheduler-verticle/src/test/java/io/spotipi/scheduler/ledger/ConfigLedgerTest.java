package io.spotipi.scheduler.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The ledger in the config document, against the real owner. */
@ExtendWith(VertxExtension.class)
class ConfigLedgerTest {
  private static final Instant AT = Instant.parse("2026-11-27T06:00:00Z");

  private Context context;
  private ConfigClient store;
  private ConfigLedger ledger;

  @BeforeEach
  void startStore(Vertx vertx, @TempDir Path dataDir) {
    Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions()
        .setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test").toJson())));
    context = vertx.getOrCreateContext();
    store = Await.on(context, () -> {
      ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("test"));
      return client.ready().map(client);
    });
    ledger = new ConfigLedger(store);
  }

  private ConfigSnapshot current() {
    return Await.on(context, () -> store.load());
  }

  @Test
  void aClaimRecordsTheOccurrenceAndItsClaimantAndCanDisableTheAlarm() {
    Await.on(context, () -> store.patch(new JsonObject().put("enabled", true)));
    ConfigSnapshot committed = Await.on(context,
        () -> ledger.recordClaim((config, entries) -> Optional.of(new Ledger.Claim(AT, "node-a/1", true))));
    assertEquals(new Ledger.Entries(null, AT, "node-a/1"), ledger.read(committed));
    assertEquals(AT.toString(), committed.get(ConfigLedger.LAST_FIRED_KEY));
    assertEquals(false, committed.get("enabled"));
  }

  @Test
  void aClaimDecidedAgainstCommitsNothing() {
    long before = current().revision();
    ConfigSnapshot result = Await.on(context, () -> ledger.recordClaim((config, entries) -> Optional.empty()));
    assertNull(result);
    assertEquals(before, current().revision());
  }

  @Test
  void thePlannedOccurrenceIsRecordedOnceAndCleared() {
    ConfigSnapshot initial = current();
    Await.on(context, () -> ledger.recordPlanned(initial, AT));
    ConfigSnapshot planned = current();
    assertEquals(AT, ledger.read(planned).planned());

    Await.on(context, () -> ledger.recordPlanned(planned, AT));
    assertEquals(planned.revision(), current().revision(), "already recorded: no commit");

    ConfigSnapshot again = current();
    Await.on(context, () -> ledger.recordPlanned(again, null));
    assertFalse(current().has(ConfigLedger.PLANNED_KEY));
  }

  @Test
  void aPlannedOccurrenceAnotherSchedulerRecordedFirstIsNotCommittedAgain() {
    ConfigSnapshot stale = current();
    Await.on(context, () -> ledger.recordPlanned(stale, AT));
    long revision = current().revision();
    Await.on(context, () -> ledger.recordPlanned(stale, AT)); // a second scheduler, from the older snapshot
    assertEquals(revision, current().revision());
  }

  @Test
  void unreadableEntriesConstrainNothing() {
    JsonObject doc = new JsonObject().put(ConfigLedger.PLANNED_KEY, "soon").put(ConfigLedger.LAST_FIRED_KEY, 7)
        .put(ConfigLedger.LAST_FIRED_BY_KEY, true);
    assertEquals(new Ledger.Entries(null, null, null), ConfigLedger.read(doc));
  }
}
