package io.spotipi.bench.jmh;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.message.LoadRequest;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code spotipi.config.load} round trip to a real ConfigVerticle, decoded as {@code ConfigClient}
 * does on a cache miss, against a bare request-reply whose consumer answers a constant body of the
 * same document. Two ways each: one round trip sent from the JMH thread and awaited there (sample
 * time: mean and p99, both including the same hand-off to and from the event loop, which dominates
 * and varies with the machine), and bursts of {@value #BURST} round trips sent at once from a context
 * of the event loop and awaited together (average time per round trip: the cost of the path itself,
 * since no thread wakes within a burst: {@link BenchStore} has one event loop, as SpotiPi by default).
 *
 * <p>The bursts replaced chains of round trips one after the other, in which every hop woke a sleeping
 * event loop: a wake-up across cores costs far more than the path in this VM, and whether the two loops
 * shared a core held for a whole fork, so the bare chain measured 103 µs per round trip in one run
 * and 121-408 µs per iteration in the next. They still run two forks each.
 *
 * <p>{@code ConfigClient} has no public call that skips its near cache, so this sends the request its
 * miss path sends (a {@code LoadRequest} without a revision) and decodes the reply the same way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBusLoadBenchmark extends ShortRun {
  private static final String BARE_ADDRESS = "bench.bare.load";
  static final int BURST = 100;
  /** A load of the newest revision, whatever it is. */
  private static final LoadRequest LATEST = new LoadRequest(null);

  private BenchStore store;
  private EventBus bus;
  private DeliveryOptions delivery;
  private Context context;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    store = new BenchStore();
    bus = store.vertx.eventBus();
    delivery = new DeliveryOptions().setSendTimeout(5_000);
    Object constant = BenchStore.await(bus.request(Addresses.CONFIG_LOAD, LATEST, delivery)).body();
    JsonObject reply = Json.toJson(Json.fromJson(constant, ConfigDocument.class));
    // In a verticle of its own, as the owner is (on the one event loop, as SpotiPi runs by default).
    BenchStore.await(store.vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.eventBus().consumer(BARE_ADDRESS, msg -> msg.reply(reply)).completion();
      }
    }));
    context = store.vertx.getOrCreateContext();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
  }

  @Benchmark
  public ConfigDocument configClientLoad() throws Exception {
    return BenchStore.await(load());
  }

  @Benchmark
  public Object bareRequestReply() throws Exception {
    return BenchStore.await(bare());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(BURST)
  @Fork(2)
  @Measurement(iterations = 5, time = 2)
  public Object configClientLoadBurst() throws Exception {
    return BenchStore.await(BenchStore.onContext(context, () -> burst(BURST, this::load)));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(BURST)
  @Fork(2)
  @Measurement(iterations = 5, time = 2)
  public Object bareRequestReplyBurst() throws Exception {
    return BenchStore.await(BenchStore.onContext(context, () -> burst(BURST, this::bare)));
  }

  /** The snapshot ConfigClient makes of the reply wraps the document as it is, so the decode is all. */
  private Future<ConfigDocument> load() {
    return bus.request(Addresses.CONFIG_LOAD, LATEST, delivery)
        .map(msg -> Json.fromJson(msg.body(), ConfigDocument.class));
  }

  private Future<Object> bare() {
    return bus.request(BARE_ADDRESS, null, delivery).map(Message::body);
  }

  /** n round trips sent at once; completes when every one has been answered. */
  private static <T> Future<CompositeFuture> burst(int n, Supplier<Future<T>> step) {
    List<Future<T>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(step.get());
    }
    return Future.all(all);
  }
}
