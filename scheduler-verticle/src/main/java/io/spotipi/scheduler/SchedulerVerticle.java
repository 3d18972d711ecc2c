package io.spotipi.scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotipi.scheduler.claim.OccurrenceClaimer;
import io.spotipi.scheduler.fire.DeviceMemory;
import io.spotipi.scheduler.fire.Firing;
import io.spotipi.scheduler.fire.Preparation;
import io.spotipi.scheduler.ledger.Ledger;
import io.spotipi.scheduler.ledger.StateLedger;
import io.spotipi.scheduler.plan.Alarm;
import io.spotipi.scheduler.plan.Plan;
import io.spotipi.scheduler.plan.Planner;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.MetricNames;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.message.AlarmStatus.LastFired;
import io.spotipi.shared.message.AlarmStatusRequest;
import io.spotipi.shared.message.ConfigChanged;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the stored alarm into fired occurrences: on time, never early, once.
 *
 * <p>The {@link Planner} decides what to wait for; this verticle reads the clock for it, at least
 * every {@code recheckMaxMs}, so a suspend or a clock step is noticed. A due occurrence is claimed by
 * the {@link OccurrenceClaimer} and played only when the claim is won ({@link Firing}); from
 * {@code prepareAheadMs} before it, the {@link Player} gets ready for it, once. Re-plans follow the
 * config's change events and {@code spotipi.config.invalidate}. What the schedulers agree on (the
 * planned occurrence, the last claim) is the {@link Ledger}, in the owner's internal state, not the config.
 */
public class SchedulerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(SchedulerVerticle.class);

  static final long RETRY_MS = 1_000;
  /** How long a status waits for the revision it asks for: well within the asker's own timeout. */
  static final long STATUS_WAIT_MS = 2_000;
  private static final DeliveryOptions STALE = new DeliveryOptions().addHeader(Addresses.STALE_HEADER, "true");

  private final Clock clock;
  /** {@code null}: this node's player, over the event bus. */
  private final Player given;
  private SchedulerOptions options;
  private ConfigClient store;
  private StateClient state;
  private Ledger ledger;
  private Planner planner;
  private OccurrenceClaimer claimer;
  private Firing firing;
  private Preparation preparation;

  /** The newest snapshot planned from; {@code null} until the first. */
  private ConfigSnapshot applied;
  /** The alarm of {@link #applied}; {@code null} when that config cannot be scheduled. */
  private Alarm alarm;
  private Plan plan = Plan.NONE;
  private long timerId = -1;
  private boolean reloadRetryPending;
  /** Set by stop: work still in flight then must not plan again or arm a timer. */
  private boolean stopped;

  public SchedulerVerticle() {
    this(Clock.systemUTC());
  }

  /** Plays on this node's player ({@link LocalPlayer}). */
  public SchedulerVerticle(Clock clock) {
    this.clock = clock;
    this.given = null;
  }

  public SchedulerVerticle(Clock clock, Player player) {
    this.clock = clock;
    this.given = Objects.requireNonNull(player);
  }

  @Override
  public Future<?> start() {
    options = new SchedulerOptions(config());
    MeterRegistry registry = registry();
    Map<String, Counter> fired = Stream.of(LastFired.PLAYED, LastFired.FAILED, LastFired.LOST)
        .collect(Collectors.toMap(Function.identity(), outcome -> firedCounter(registry, outcome)));
    store = ConfigClient.create(vertx, new ConfigClientOptions("scheduler"));
    state = StateClient.create(vertx, new ConfigClientOptions("scheduler"));
    ledger = new StateLedger(store, state);
    planner = new Planner(Duration.ofSeconds(options.getCatchupGraceSeconds()));
    String claimant = options.getNodeId() + "/" + UUID.randomUUID().toString().substring(0, 8);
    claimer = new OccurrenceClaimer(vertx, ledger, claimant);
    Player player = given != null ? given : LocalPlayer.create(vertx, options.getPlayTimeoutMs());
    preparation = new Preparation(player, Duration.ofMillis(options.getPrepareAheadMs()));
    firing = new Firing(vertx.eventBus(), clock, claimer, player, new DeviceMemory(store), options.getNodeId(),
        outcome -> fired.get(outcome).increment());
    store.onChange(this::onConfigChanged);
    // The plan is derived from the near cache: dropping the caches must drop it too.
    store.onInvalidate(v -> reload());
    EventBus bus = vertx.eventBus();
    MessageConsumer<Object> status = bus.consumer(Addresses.ALARM_STATUS, this::onStatus);
    MessageConsumer<Object> trigger = bus.consumer(Addresses.ALARM_TRIGGER, this::onTrigger);
    // The first plan needs the owner, which in a cluster may still be electing: reload() retries.
    return Future.all(store.ready(), state.ready(), status.completion(), trigger.completion())
        .onSuccess(v -> reload());
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    claimer.close();
    cancelTimer();
    return Future.succeededFuture();
  }

  // ---- planning ----------------------------------------------------------------------------------

  /**
   * Only changes of the keys the plan depends on re-plan: the other alarm fields are read from the
   * claim's snapshot when an occurrence fires, and an unrelated commit must not cost a load.
   */
  private void onConfigChanged(ConfigChanged event) {
    List<String> keys = event.changedKeys();
    if (keys == null || keys.stream().anyMatch(ConfigKeys.SCHEDULE::contains)) {
      reload();
    }
  }

  private void reload() {
    store.load().compose(this::refresh).onFailure(err -> {
      log.warn("cannot load the config or the ledger to plan, retrying in {} ms: {}", RETRY_MS, err.getMessage());
      retryReload();
    });
  }

  private void retryReload() {
    if (!reloadRetryPending) {
      reloadRetryPending = true;
      vertx.setTimer(RETRY_MS, id -> {
        reloadRetryPending = false;
        reload();
      });
    }
  }

  /** Plans from a snapshot and the ledger as it stands now. */
  private Future<Void> refresh(ConfigSnapshot loaded) {
    return ledger.read().map(entries -> {
      apply(loaded, entries);
      return null;
    });
  }

  /**
   * Plans from a snapshot, or from the newest one already seen if it is older (a load that finished
   * late); the first one also resumes from what earlier schedulers recorded.
   */
  private void apply(ConfigSnapshot loaded, SchedulerState entries) {
    if (stopped) {
      return;
    }
    boolean first = applied == null;
    ConfigSnapshot snap = first || loaded.revision() >= applied.revision() ? loaded : applied;
    applied = snap;
    try {
      alarm = Alarm.parse(snap.config());
    } catch (IllegalArgumentException e) {
      log.warn("revision {}: alarm not scheduled: {}", snap.revision(), e.getMessage());
      alarm = null;
    }
    cancelTimer();
    Instant before = plan.target();
    Instant now = clock.instant();
    if (first) {
      plan = planner.resume(alarm, entries.plannedOccurrence(), entries.lastFiredOccurrence(), now);
      if (plan.target() != null && !plan.target().isAfter(now)) {
        log.info("occurrence {} was missed while no scheduler ran ({} s ago)", plan.target(),
            Duration.between(plan.target(), now).toSeconds());
      }
    } else {
      plan = planner.replan(plan, alarm, now);
    }
    Instant target = plan.target();
    if (!Objects.equals(before, target)) {
      log.info("revision {}: next occurrence {}", snap.revision(), target == null ? "none (disabled)" : target);
    }
    if (!Objects.equals(entries.plannedOccurrence(), target)) {
      // What a restarting scheduler's catch-up relies on.
      ledger.recordPlanned(target)
          .onFailure(err -> log.warn("cannot record planned occurrence {}: {}", target, err.getMessage()));
    }
    Instant pending = entries.pendingDisable();
    if (pending != null) {
      ledger.finishPendingDisable(pending).onFailure(err -> {
        log.warn("occurrence {}: cannot switch the one-time alarm off yet: {}", pending, err.getMessage());
        retryReload();
      });
    }
    arm();
  }

  // ---- waiting -----------------------------------------------------------------------------------

  private void arm() {
    Instant occurrence = plan.target();
    if (stopped || occurrence == null) {
      return;
    }
    Instant now = clock.instant();
    Planner.Step step = planner.step(plan, now);
    if (step.action() == Planner.Action.WAIT) {
      // +1: toMillis truncates, and waking a little late costs only another look at the clock.
      long delay = Math.min(Math.min(options.getRecheckMaxMs(), step.delta().toMillis() + 1),
          preparation.check(occurrence, alarm, now));
      timerId = vertx.setTimer(Math.max(1, delay), id -> {
        timerId = -1;
        arm();
      });
      return;
    }
    plan = plan.handled(occurrence);
    if (step.action() == Planner.Action.SKIP) {
      log.warn("occurrence {} skipped: {} s late, beyond the grace period of {} s", occurrence,
          step.delta().toSeconds(), options.getCatchupGraceSeconds());
      reload();
      return;
    }
    firing.scheduled(occurrence, now).onComplete(ar -> reload());
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  // ---- event-bus API -----------------------------------------------------------------------------

  /**
   * Fires now, without disabling, and replies once it played or failed. Exactly once per trigger comes
   * from the event bus: a request goes to one consumer.
   */
  private void onTrigger(Message<Object> msg) {
    store.load().compose(firing::manual)
        .onSuccess(triggered -> msg.reply(Json.toJson(triggered)))
        .onFailure(err -> ConfigFailure.from(err).replyTo(msg));
  }

  /**
   * Replies the status from this scheduler's own plan, never waiting long for an owner: at once when
   * the plan is as new as the request's revision (or it names none); else after planning from that
   * revision, if the owner gives it within {@link #STATUS_WAIT_MS}; else from the plan it has, marked
   * with the {@link Addresses#STALE_HEADER} (a plan is better than no answer while no owner is elected).
   */
  private void onStatus(Message<Object> msg) {
    AlarmStatusRequest req = Json.requestBody(msg, AlarmStatusRequest.class);
    if (req == null) {
      return;
    }
    Long minRevision = req.minRevision();
    boolean current = applied != null && (minRevision == null || applied.revision() >= minRevision);
    Future<Void> planned = current ? Future.succeededFuture()
        : (minRevision == null ? store.load() : store.load(minRevision))
            .compose(snap -> snap.stale() || (applied != null && snap.revision() <= applied.revision())
                ? Future.<Void>succeededFuture()
                : refresh(snap))
            .timeout(STATUS_WAIT_MS, TimeUnit.MILLISECONDS);
    planned.onComplete(ar -> {
      if (applied == null) {
        ConfigFailure.from(ar.failed() ? ar.cause()
            : new ConfigFailure(ErrorCode.UNAVAILABLE, "no plan yet: no config owner has answered")).replyTo(msg);
        return;
      }
      boolean stale = store.stale() || (minRevision != null && applied.revision() < minRevision);
      msg.reply(Json.toJson(StatusView.of(alarm, plan.target(), firing.lastFired(), clock)),
          stale ? STALE : new DeliveryOptions());
    });
  }

  // ---- metrics -----------------------------------------------------------------------------------

  /** Vert.x's metrics registry (scraped at {@code /metrics}); a private one when metrics are off. */
  private static MeterRegistry registry() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : new SimpleMeterRegistry();
  }

  private static Counter firedCounter(MeterRegistry registry, String outcome) {
    return Counter.builder(MetricNames.ALARMS_FIRED)
        .description("occurrences fired, by outcome (played, failed, lost to another scheduler)")
        .tag("outcome", outcome).register(registry);
  }
}
