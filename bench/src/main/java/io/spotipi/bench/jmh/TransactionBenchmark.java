package io.spotipi.bench.jmh;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code ConfigClient.transaction(counter + 1)} from 64 clients at once, each on its own context, over
 * the local event bus to a real ConfigVerticle (durable commits). One invocation is one increment by
 * each client. At the end it prints the conflicts per commit from the owner's status and fails if the
 * counter differs from the number of increments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransactionBenchmark extends ShortRun {
  static final int CLIENTS = 64;
  private static final String COUNTER = "bench_tx_counter";
  private static final Consumer<JsonObject> INCREMENT =
      doc -> doc.put(COUNTER, doc.getLong(COUNTER, 0L) + 1);

  private BenchStore store;
  private final List<BenchStore.BoundClient> clients = new ArrayList<>();
  private long increments;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    store = new BenchStore();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(store.newClient());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    BenchStore.BoundClient first = clients.get(0);
    ConfigClient client = first.client();
    StoreStatus status = BenchStore.await(BenchStore.onContext(first.context(), client::status));
    ConfigSnapshot last = BenchStore.await(BenchStore.onContext(first.context(),
        () -> client.load(status.revision())));
    long counter = last.config().getLong(COUNTER, 0L);
    System.out.printf("%ntx_conflicts_per_commit=%.3f%n", status.conflictsTotal() / (double) status.commitsTotal());
    System.out.printf("tx_commits=%d tx_conflicts=%d counter=%d increments=%d%n", status.commitsTotal(),
        status.conflictsTotal(), counter, increments);
    store.close();
    if (counter != increments) {
      throw new IllegalStateException("lost updates: counter " + counter + " after " + increments + " increments");
    }
  }

  @Benchmark
  @OperationsPerInvocation(CLIENTS)
  public void increment() throws Exception {
    List<Future<ConfigSnapshot>> all = new ArrayList<>(CLIENTS);
    for (BenchStore.BoundClient c : clients) {
      all.add(BenchStore.onContext(c.context(), () -> c.client().transaction(INCREMENT)));
    }
    BenchStore.await(Future.all(all));
    increments += CLIENTS;
  }
}
