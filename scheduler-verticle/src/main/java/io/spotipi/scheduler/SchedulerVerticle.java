package io.spotipi.scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.MetricNames;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmStatus;
import io.spotipi.shared.message.AlarmStatusRequest;
import io.spotipi.shared.message.ConfigChanged;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the stored alarm into fired occurrences: on time, never early, once.
 *
 * <p>It waits against instants: each timer lasts at most {@code recheckMaxMs} and the clock is read
 * again when it ends, so a suspend, a clock step or a long pause can delay an occurrence but never
 * make it fire early. Before playing it claims the occurrence in the store with a compare-and-set on
 * {@value #LAST_FIRED_KEY}; only the scheduler whose claim commits plays, which makes restarts and
 * several schedulers on one store fire each occurrence once. An occurrence found later than the grace
 * period is skipped. Catch-up after downtime is decided by {@link CatchUp}, from the occurrence the
 * schedulers record as planned in {@value #PLANNED_KEY}.
 */
public class SchedulerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(SchedulerVerticle.class);

  /** Store key: the newest occurrence claimed for playing, as a UTC ISO-8601 instant. */
  public static final String LAST_FIRED_KEY = "last_fired_occurrence";
  /** Store key: which scheduler instance made the newest claim (its node id and a per-start suffix). */
  public static final String LAST_FIRED_BY_KEY = "last_fired_by";
  /** Store key: the occurrence the schedulers wait for (UTC ISO-8601); absent while none is planned. */
  public static final String PLANNED_KEY = "planned_occurrence";
  /**
   * The keys the plan depends on: only their changes re-plan. The other alarm fields are read from the
   * claim's snapshot when an occurrence fires, and the schedulers' own bookkeeping must not re-plan
   * (no ping-pong), nor must every unrelated commit cost a load.
   */
  private static final Set<String> SCHEDULE_KEYS = Set.of("enabled", "time", "weekdays", "timezone");
  /** How long a claim is retried while the owner is unreachable (a failover takes seconds). */
  static final long CLAIM_RETRY_FOR_MS = 60_000;
  static final long RETRY_MS = 1_000;

  public static final String PLAYED = "played";
  public static final String FAILED = "failed";
  /** Another scheduler claimed the occurrence first. */
  public static final String LOST = "lost";

  private final Clock clock;
  private final Player player;
  private SchedulerOptions options;
  /** Names this scheduler's claims, so a retried claim whose first reply was lost is known as its own. */
  private String claimant;
  private ConfigClient store;

  /** The newest snapshot planned from; {@code null} until the first. */
  private ConfigSnapshot applied;
  /** The alarm of {@link #applied}; {@code null} when that config cannot be scheduled. */
  private Alarm alarm;
  /** The occurrence being waited for, or {@code null}. */
  private Instant target;
  private long timerId = -1;
  /** Occurrences at or before this one were fired, lost or skipped here: never planned again. */
  private Instant handledUpTo = Instant.MIN;
  private boolean reloadRetryPending;
  /** Set by stop: work still in flight then must not plan again or arm a timer. */
  private boolean stopped;
  private AlarmStatus.LastFired lastFired;
  private Counter playedCounter;
  private Counter failedCounter;

  public SchedulerVerticle() {
    this(Clock.systemUTC(), new LoggingPlayer());
  }

  public SchedulerVerticle(Clock clock, Player player) {
    this.clock = clock;
    this.player = player;
  }

  @Override
  public Future<?> start() {
    options = new SchedulerOptions(config());
    claimant = options.getNodeId() + "/" + UUID.randomUUID().toString().substring(0, 8);
    MeterRegistry registry = registry();
    playedCounter = firedCounter(registry, PLAYED);
    failedCounter = firedCounter(registry, FAILED);
    store = ConfigClient.create(vertx, new ConfigClientOptions("scheduler"));
    store.onChange(this::onConfigChanged);
    // The plan is derived from the near cache: dropping the caches must drop it too.
    store.onInvalidate(v -> reload());
    EventBus bus = vertx.eventBus();
    MessageConsumer<Object> status = bus.consumer(Addresses.ALARM_STATUS, this::onStatus);
    MessageConsumer<Object> trigger = bus.consumer(Addresses.ALARM_TRIGGER, this::onTrigger);
    // The first plan needs the owner, which in a cluster may still be electing: reload() retries.
    return Future.all(store.ready(), status.completion(), trigger.completion()).onSuccess(v -> reload());
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    cancelTimer();
    return Future.succeededFuture();
  }

  // ---- planning ----------------------------------------------------------------------------------

  private void onConfigChanged(ConfigChanged event) {
    List<String> keys = event.changedKeys();
    if (keys == null || keys.stream().anyMatch(SCHEDULE_KEYS::contains)) {
      reload();
    }
  }

  private void reload() {
    store.load().onSuccess(this::apply).onFailure(err -> {
      log.warn("cannot load the config to plan, retrying in {} ms: {}", RETRY_MS, err.getMessage());
      if (!reloadRetryPending) {
        reloadRetryPending = true;
        vertx.setTimer(RETRY_MS, id -> {
          reloadRetryPending = false;
          reload();
        });
      }
    });
  }

  /**
   * Plans from a snapshot, or from the newest one already seen if it is older (a load that finished
   * late); the first one also restores what earlier schedulers recorded.
   */
  private void apply(ConfigSnapshot loaded) {
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
    if (first) {
      restore(snap);
    }
    plan(snap);
  }

  private void restore(ConfigSnapshot snap) {
    Instant fired = instantOrNull(snap.get(LAST_FIRED_KEY));
    if (fired != null) {
      handledUpTo = fired;
    }
    if (alarm != null && alarm.enabled()) {
      Instant now = clock.instant();
      CatchUp.owed(alarm.schedule(), instantOrNull(snap.get(PLANNED_KEY)), fired, now).ifPresent(owed -> {
        log.info("occurrence {} was missed while no scheduler ran ({} s ago)", owed,
            Duration.between(owed, now).toSeconds());
        target = owed;
      });
    }
  }

  private void plan(ConfigSnapshot snap) {
    cancelTimer();
    Instant before = target;
    if (alarm == null || !alarm.enabled()) {
      target = null;
    } else {
      Instant now = clock.instant();
      AlarmSchedule schedule = alarm.schedule();
      // A due occurrence the new config still contains stays due: a re-plan must not skip it.
      boolean keepDue = target != null && target.isAfter(handledUpTo) && !target.isAfter(now)
          && schedule.occursAt(target);
      if (!keepDue) {
        target = schedule.nextAfter(later(now, handledUpTo));
      }
    }
    if (!Objects.equals(before, target)) {
      log.info("revision {}: next occurrence {}", snap.revision(), target == null ? "none (disabled)" : target);
    }
    recordPlanned(snap, target);
    arm();
  }

  /** Records the planned occurrence in the store (what {@link CatchUp} relies on after a restart). */
  private void recordPlanned(ConfigSnapshot snap, Instant planned) {
    String value = planned == null ? null : planned.toString();
    if (Objects.equals(snap.get(PLANNED_KEY), value)) {
      return;
    }
    store.transaction(doc -> {
      if (Objects.equals(doc.getValue(PLANNED_KEY), value)) {
        throw new Declined(Declined.Reason.UNCHANGED, "already recorded");
      }
      if (value == null) {
        doc.remove(PLANNED_KEY);
      } else {
        doc.put(PLANNED_KEY, value);
      }
    }).onFailure(err -> {
      if (!(err instanceof Declined)) {
        log.warn("cannot record planned occurrence {}: {}", value, err.getMessage());
      }
    });
  }

  // ---- waiting -----------------------------------------------------------------------------------

  private void arm() {
    if (stopped || target == null) {
      return;
    }
    Instant now = clock.instant();
    if (now.isBefore(target)) {
      // +1: toMillis truncates, and waking a little late costs only another look at the clock.
      long delay = Math.min(options.getRecheckMaxMs(), Duration.between(now, target).toMillis() + 1);
      timerId = vertx.setTimer(Math.max(1, delay), id -> {
        timerId = -1;
        arm();
      });
      return;
    }
    Instant occurrence = target;
    target = null;
    handledUpTo = occurrence;
    Duration late = Duration.between(occurrence, now);
    if (late.compareTo(Duration.ofSeconds(options.getCatchupGraceSeconds())) > 0) {
      log.warn("occurrence {} skipped: {} s late, beyond the grace period of {} s", occurrence, late.toSeconds(),
          options.getCatchupGraceSeconds());
      reload();
      return;
    }
    fireScheduled(occurrence, now).onComplete(ar -> reload());
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  // ---- firing ------------------------------------------------------------------------------------

  /** Claims the occurrence in the store and plays it only if the claim commits. */
  private Future<Void> fireScheduled(Instant occurrence, Instant firedAt) {
    String id = occurrence.toString();
    long lateMs = Duration.between(occurrence, firedAt).toMillis();
    return claim(occurrence, System.nanoTime() + CLAIM_RETRY_FOR_MS * 1_000_000).transform(ar -> {
      if (ar.succeeded()) {
        // Lateness counts from the claim: a claim retried through a failover plays that much later.
        return play(id, occurrence, clock.instant(), Alarm.parse(ar.result().config())).mapEmpty();
      }
      unclaimed(id, firedAt, lateMs, ar.cause());
      return Future.succeededFuture();
    });
  }

  /**
   * The claim, retried while the owner is unreachable or the store cannot write: when the owner dies
   * around the firing instant, the claim goes through once a standby has taken over. If the first
   * attempt did commit but its reply was lost with the owner, the retry finds this scheduler's own
   * claim and plays; every other scheduler finds a claim that is not theirs and does not.
   */
  private Future<ConfigSnapshot> claim(Instant occurrence, long deadlineNanos) {
    return store.transaction(doc -> claim(doc, occurrence, claimant)).recover(err -> {
      ErrorCode code = err instanceof ConfigFailure f ? f.code() : null;
      boolean transient_ = code == ErrorCode.UNAVAILABLE || code == ErrorCode.STORAGE;
      if (!transient_ || stopped || System.nanoTime() > deadlineNanos) {
        return Future.failedFuture(err);
      }
      log.warn("occurrence {}: claim failed ({}), retrying in {} ms", occurrence, err.getMessage(), RETRY_MS);
      Promise<Void> wait = Promise.promise();
      vertx.setTimer(RETRY_MS, t -> wait.complete());
      return wait.future().compose(v -> claim(occurrence, deadlineNanos));
    });
  }

  /** The compare-and-set's mutator: runs on the newest document, again after each conflict. */
  static void claim(JsonObject doc, Instant occurrence, String claimant) {
    Instant fired = instantOrNull(doc.getValue(LAST_FIRED_KEY));
    if (occurrence.equals(fired) && claimant.equals(doc.getValue(LAST_FIRED_BY_KEY))) {
      return; // our own earlier claim, committed though its reply was lost: commit it again unchanged
    }
    if (fired != null && !fired.isBefore(occurrence)) {
      throw new Declined(Declined.Reason.ALREADY_FIRED, "occurrence " + fired + " is already recorded");
    }
    Alarm current = Alarm.parse(doc);
    if (!current.enabled() || !current.schedule().occursAt(occurrence)) {
      throw new Declined(Declined.Reason.NOT_SCHEDULED, "the stored alarm no longer fires then");
    }
    doc.put(LAST_FIRED_KEY, occurrence.toString());
    doc.put(LAST_FIRED_BY_KEY, claimant);
    if (current.oneTime()) {
      doc.put("enabled", false);
    }
  }

  private void unclaimed(String id, Instant firedAt, long lateMs, Throwable cause) {
    if (cause instanceof Declined d && d.reason == Declined.Reason.ALREADY_FIRED) {
      log.info("occurrence {} not played by {}: {}", id, options.getNodeId(), d.getMessage());
      lastFired = new AlarmStatus.LastFired(id, firedAt, lateMs, LOST);
    } else if (cause instanceof Declined || cause instanceof IllegalArgumentException) {
      log.info("occurrence {} not played: {}", id, cause.getMessage());
    } else {
      log.warn("occurrence {} not played, the claim failed: {}", id, cause.getMessage());
      lastFired = new AlarmStatus.LastFired(id, firedAt, lateMs, FAILED);
    }
  }

  /** Announces the occurrence and hands it to the player. */
  private Future<AlarmFired> play(String id, Instant scheduledFor, Instant firedAt, Alarm playing) {
    long lateMs = Duration.between(scheduledFor, firedAt).toMillis();
    AlarmFired fired = new AlarmFired(id, scheduledFor, firedAt, lateMs, playing.toSpec());
    vertx.eventBus().publish(Addresses.ALARM_FIRED, Json.toJson(fired));
    log.info("occurrence {} fired by {} ({} ms late)", id, options.getNodeId(), lateMs);
    return player.play(fired, playing.fadePlan()).transform(ar -> {
      lastFired = new AlarmStatus.LastFired(id, firedAt, lateMs, ar.succeeded() ? PLAYED : FAILED);
      (ar.succeeded() ? playedCounter : failedCounter).increment();
      if (ar.failed()) {
        log.warn("occurrence {}: the player failed: {}", id, ar.cause().getMessage());
        return Future.failedFuture(ar.cause());
      }
      return Future.succeededFuture(fired);
    });
  }

  // ---- event-bus API -----------------------------------------------------------------------------

  /**
   * Fires now, without disabling. Exactly once per trigger comes from the event bus: a request goes to
   * one consumer, and the manual occurrence is not recorded (it must not block a scheduled one).
   */
  private void onTrigger(Message<Object> msg) {
    Instant now = clock.instant();
    store.load()
        .map(snap -> Alarm.parse(snap.config()))
        .compose(current -> play("manual-" + now, now, now, current))
        .onSuccess(fired -> msg.reply(Json.toJson(fired)))
        .onFailure(err -> ConfigFailure.from(err).replyTo(msg));
  }

  /** Replies the status, as of at least the request's revision when it names one. */
  private void onStatus(Message<Object> msg) {
    AlarmStatusRequest req = Json.requestBody(msg, AlarmStatusRequest.class);
    if (req == null) {
      return;
    }
    Long minRevision = req.minRevision();
    (minRevision == null ? store.load() : store.load(minRevision)).onSuccess(snap -> {
      if (applied == null || snap.revision() > applied.revision()) {
        apply(snap);
      }
      msg.reply(Json.toJson(status()));
    }).onFailure(err -> ConfigFailure.from(err).replyTo(msg));
  }

  private AlarmStatus status() {
    if (alarm == null) {
      return new AlarmStatus(false, null, null, null, null, null, lastFired);
    }
    String nextFire = target == null ? null
        : target.atZone(alarm.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    Long inSeconds = target == null ? null : Math.max(0, Duration.between(clock.instant(), target).toSeconds());
    return new AlarmStatus(alarm.enabled(), alarm.timeText(), alarm.weekdays(), alarm.zone().getId(), nextFire,
        inSeconds, lastFired);
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** Vert.x's metrics registry (scraped at {@code /metrics}); a private one when metrics are off. */
  private static MeterRegistry registry() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : new SimpleMeterRegistry();
  }

  private static Counter firedCounter(MeterRegistry registry, String outcome) {
    return Counter.builder(MetricNames.ALARMS_FIRED).description("occurrences handed to the player, by outcome")
        .tag("outcome", outcome).register(registry);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** A stored instant; {@code null} when absent or unreadable (then it constrains nothing). */
  private static Instant instantOrNull(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A transaction's mutator decided not to commit: an expected outcome, so no stack trace. */
  static final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Reason { ALREADY_FIRED, NOT_SCHEDULED, UNCHANGED }

    private final Reason reason;

    Declined(Reason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
