package io.spotipi.scheduler.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.scheduler.ledger.Ledger;
import io.spotipi.scheduler.ledger.StateLedger;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

class OccurrenceClaimerTest {
  static final Instant AT = Instant.parse("2026-11-27T06:00:00Z");
  private static final SchedulerState NOTHING_RECORDED = SchedulerState.NONE;

  static JsonObject oneTimeAlarm() {
    return new JsonObject().put("enabled", true).put("time", "06:00").putNull("weekdays").put("timezone", "UTC");
  }

  /** The decision on one stored state: pure. */
  @Nested
  class Decide {
    @Test
    void aFreshClaimWinsAndSpendsAOneTimeAlarm() {
      OccurrenceClaimer.Decision d = OccurrenceClaimer.decide(oneTimeAlarm(), NOTHING_RECORDED, AT, "node-a/1");
      assertInstanceOf(ClaimResult.Won.class, d.result());
      assertEquals(Optional.of(new Ledger.Claim(AT, "node-a/1", true)), d.record());
    }

    @Test
    void aRecurringAlarmStaysEnabled() {
      JsonObject daily = oneTimeAlarm().put("weekdays", List.of(0, 1, 2, 3, 4, 5, 6));
      assertEquals(Optional.of(new Ledger.Claim(AT, "node-a/1", false)),
          OccurrenceClaimer.decide(daily, NOTHING_RECORDED, AT, "node-a/1").record());
    }

    @Test
    void anotherSchedulersClaimOfThisOrALaterOccurrenceWins() {
      for (Instant recorded : List.of(AT, AT.plus(Duration.ofDays(1)))) {
        SchedulerState theirs = SchedulerState.NONE.withClaim(recorded, "node-b/1");
        OccurrenceClaimer.Decision d = OccurrenceClaimer.decide(oneTimeAlarm().put("enabled", false), theirs, AT,
            "node-a/1");
        assertEquals(new ClaimResult.Lost(recorded, "node-b/1"), d.result());
        assertEquals(Optional.empty(), d.record());
      }
    }

    @Test
    void ourOwnClaimWhoseReplyWasLostWinsAndIsRecordedUnchanged() {
      // The first attempt committed, disabling the alarm, and its reply was lost with the owner.
      JsonObject afterOurClaim = oneTimeAlarm().put("enabled", false);
      SchedulerState ours = SchedulerState.NONE.withClaim(AT, "node-a/1");
      OccurrenceClaimer.Decision d = OccurrenceClaimer.decide(afterOurClaim, ours, AT, "node-a/1");
      assertInstanceOf(ClaimResult.Won.class, d.result());
      assertEquals(Optional.of(new Ledger.Claim(AT, "node-a/1", false)), d.record());
    }

    @Test
    void aDisabledMovedOrUnreadableAlarmIsDeclined() {
      for (JsonObject config : List.of(oneTimeAlarm().put("enabled", false), oneTimeAlarm().put("time", "06:01"),
          oneTimeAlarm().put("timezone", "Mars/Olympus"))) {
        OccurrenceClaimer.Decision d = OccurrenceClaimer.decide(config, NOTHING_RECORDED, AT, "node-a/1");
        assertInstanceOf(ClaimResult.Declined.class, d.result(), config.encode());
        assertEquals(Optional.empty(), d.record());
      }
    }

    @Test
    void onlyAnUnreachableOwnerOrAFailingDiskIsRetried() {
      assertTrue(OccurrenceClaimer.retryable(new ConfigFailure(ErrorCode.UNAVAILABLE, "no owner")));
      assertTrue(OccurrenceClaimer.retryable(new ConfigFailure(ErrorCode.STORAGE, "disk full")));
      assertFalse(OccurrenceClaimer.retryable(new ConfigFailure(ErrorCode.CONFLICT, "lost the race")));
      assertFalse(OccurrenceClaimer.retryable(new ConfigFailure(ErrorCode.INVALID, "bad")));
      assertFalse(OccurrenceClaimer.retryable(new IllegalStateException("a bug")));
    }
  }

  /** Claims through the real owner, which is absent for a while or throughout. */
  @Nested
  @ExtendWith(VertxExtension.class)
  class AgainstTheOwner {
    private static final Duration RETRY_EVERY = Duration.ofMillis(20);

    private Vertx vertx;
    private Path dataDir;
    private Context context;
    private ConfigClient store;
    private StateClient state;
    private String owner;

    @BeforeEach
    void client(Vertx vertx, @TempDir Path dataDir) {
      this.vertx = vertx;
      this.dataDir = dataDir;
      context = vertx.getOrCreateContext();
      store = Await.on(context, () -> {
        ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("test"));
        return client.ready().map(client);
      });
      state = Await.on(context, () -> {
        StateClient client = StateClient.create(vertx, new ConfigClientOptions("test"));
        return client.ready().map(client);
      });
    }

    @AfterEach
    void stopOwner() {
      if (owner != null) {
        Await.result(vertx.undeploy(owner));
      }
    }

    private Future<String> deployOwner() {
      return vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions()
          .setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test").toJson()))
          .onSuccess(id -> owner = id);
    }

    private OccurrenceClaimer claimer(String claimant, Duration retryFor) {
      return new OccurrenceClaimer(vertx, new StateLedger(store, state), claimant, retryFor, RETRY_EVERY);
    }

    @Test
    void aClaimWaitsThroughAnAbsentOwnerAndWinsOnceOneServes() {
      Await.result(deployOwner());
      Await.on(context, () -> store.patch(oneTimeAlarm()));
      Await.result(vertx.undeploy(owner)); // as in a failover: the owner is gone, its files stay
      OccurrenceClaimer claimer = claimer("node-a/1", Duration.ofSeconds(20));
      Future<ClaimResult> claim = Await.call(context, () -> claimer.claim(AT));
      Await.result(deployOwner());
      assertInstanceOf(ClaimResult.Won.class, Await.result(claim));
      JsonObject stored = Await.on(context, () -> store.load(1)).config();
      SchedulerState recorded = SchedulerState.fromJson(Await.on(context, () -> state.load(StateSections.SCHEDULER)).value());
      assertEquals(AT, recorded.lastFiredOccurrence());
      assertEquals("node-a/1", recorded.lastFiredBy());
      assertEquals(false, stored.getBoolean("enabled"));
    }

    @Test
    void aClaimFailsWhenTheOwnerStaysAwayPastTheRetryPeriod() {
      ClaimResult result = Await.on(context, () -> claimer("node-a/1", Duration.ofMillis(100)).claim(AT));
      assertInstanceOf(ClaimResult.Failed.class, result);
    }

    @Test
    void ofTwoClaimersAtOnceOneWinsAndTheOtherLoses() {
      Await.result(deployOwner());
      Await.on(context, () -> store.patch(oneTimeAlarm()));
      OccurrenceClaimer a = claimer("node-a/1", Duration.ofSeconds(20));
      OccurrenceClaimer b = claimer("node-b/1", Duration.ofSeconds(20));
      List<ClaimResult> results = Await.on(context,
          () -> Future.all(a.claim(AT), b.claim(AT)).map(all -> List.of(all.resultAt(0), all.resultAt(1))));
      assertEquals(1, results.stream().filter(ClaimResult.Won.class::isInstance).count(), results.toString());
      assertEquals(1, results.stream().filter(ClaimResult.Lost.class::isInstance).count(), results.toString());
    }

    @Test
    void aClosedClaimerStopsRetrying() {
      OccurrenceClaimer claimer = claimer("node-a/1", Duration.ofSeconds(20));
      Future<ClaimResult> claim = Await.call(context, () -> claimer.claim(AT));
      context.runOnContext(v -> claimer.close());
      assertInstanceOf(ClaimResult.Failed.class, Await.result(claim));
    }
  }
}
