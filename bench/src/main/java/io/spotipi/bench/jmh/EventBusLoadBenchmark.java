package io.spotipi.bench.jmh;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.ConfigDocument;
import io.spotipi.shared.message.LoadRequest;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code spotipi.config.load} round trip to a real ConfigVerticle, decoded as {@code ConfigClient}
 * does on a cache miss, against a bare request-reply whose consumer answers a constant body of the
 * same document. Both are sent from the JMH thread and awaited there, so both include the same
 * hand-off to and from the event loop.
 *
 * <p>{@code ConfigClient} has no public call that skips its near cache, so this sends the request its
 * miss path sends ({@code LoadRequest.LATEST}) and decodes the reply the same way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBusLoadBenchmark extends ShortRun {
  private static final String BARE_ADDRESS = "bench.bare.load";

  private BenchStore store;
  private EventBus bus;
  private DeliveryOptions delivery;
  private MessageConsumer<Object> bare;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    store = new BenchStore();
    bus = store.vertx.eventBus();
    delivery = new DeliveryOptions().setSendTimeout(5_000);
    Object constant = BenchStore.await(bus.request(Addresses.CONFIG_LOAD, LoadRequest.LATEST, delivery)).body();
    JsonObject reply = Json.toJson(Json.fromJson(constant, ConfigDocument.class));
    bare = bus.consumer(BARE_ADDRESS, msg -> msg.reply(reply));
    BenchStore.await(bare.completion());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
  }

  @Benchmark
  public ConfigSnapshot configClientLoad() throws Exception {
    Object body = BenchStore.await(bus.request(Addresses.CONFIG_LOAD, LoadRequest.LATEST, delivery)).body();
    ConfigDocument doc = Json.fromJson(body, ConfigDocument.class);
    return new ConfigSnapshot(doc.revision(), doc.config());
  }

  @Benchmark
  public Object bareRequestReply() throws Exception {
    return BenchStore.await(bus.request(BARE_ADDRESS, null, delivery)).body();
  }
}
