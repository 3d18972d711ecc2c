package io.spotipi.scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotipi.shared.MetricNames;
import io.spotipi.shared.message.AlarmStatus.LastFired;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code alarms_fired} counters, one per outcome, in Vert.x's registry (scraped at {@code /metrics}). */
final class FiredCounters implements Consumer<String> {
  private final Map<String, Counter> counters;

  private FiredCounters(MeterRegistry registry) {
    counters = Stream.of(LastFired.PLAYED, LastFired.FAILED, LastFired.LOST)
        .collect(Collectors.toMap(Function.identity(), outcome -> Counter.builder(MetricNames.ALARMS_FIRED)
            .description("occurrences fired, by outcome (played, failed, lost to another scheduler)")
            .tag("outcome", outcome).register(registry)));
  }

  /** In Vert.x's registry; a private one when metrics are off. */
  static FiredCounters register() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return new FiredCounters(r != null ? r : new SimpleMeterRegistry());
  }

  /** Counts one occurrence with this outcome. */
  @Override
  public void accept(String outcome) {
    counters.get(outcome).increment();
  }
}
