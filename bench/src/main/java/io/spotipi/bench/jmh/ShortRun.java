package io.spotipi.bench.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run length of every benchmark here (JMH inherits class annotations): short, so that the whole
 * JMH part of bench/run.sh takes a few minutes. Override on the command line ({@code -i}, {@code -r}).
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public abstract class ShortRun {
}
