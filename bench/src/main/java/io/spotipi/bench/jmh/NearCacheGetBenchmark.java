package io.spotipi.bench.jmh;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import java.util.HashMap;
import java.util.Map;
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
 * {@code ConfigClient.get(key)} served from a fresh near cache, against a {@code HashMap} lookup of
 * the same document. Nothing commits during the run, so the cached snapshot, published to this thread
 * by the awaited load, stays the one read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NearCacheGetBenchmark extends ShortRun {
  private static final String KEY = ConfigKeys.ALARM_VOLUME;

  private BenchStore store;
  private ConfigClient client;
  private Map<String, Object> map;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    store = new BenchStore();
    BenchStore.BoundClient bound = store.newClient();
    client = bound.client();
    ConfigSnapshot snap = BenchStore.await(BenchStore.onContext(bound.context(), client::load));
    map = new HashMap<>(snap.config().getMap());
    if (client.loadCached() == null) {
      throw new IllegalStateException("the near cache is empty after a load");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
  }

  @Benchmark
  public Object configClientGet() {
    return client.get(KEY).result();
  }

  @Benchmark
  public Object hashMapGet() {
    return map.get(KEY);
  }
}
