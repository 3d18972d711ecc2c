package io.spotipi.scheduler.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When an alarm fires: a local time on allowed days in a zone, turned into instants.
 *
 * <p>Each local date yields at most one occurrence, {@code ZonedDateTime.of(date, time, zone)}: a time in a
 * spring-forward gap is shifted forward by the gap's length, a time in a fall-back overlap takes the
 * earlier offset, so the overlap fires once. Pure: no clock, no Vert.x.
 *
 * @param days the allowed days; empty means every day (a one-time alarm fires on the next one)
 */
public record AlarmSchedule(LocalTime time, Set<DayOfWeek> days, ZoneId zone) {
  /**
   * How many local dates to scan: a week of allowed days, plus room for a zone that skips a whole
   * date (Pacific/Apia, 2011-12-30) and for the date on either side of the instant's own.
   */
  private static final int SCAN_DAYS = 10;

  public AlarmSchedule {
    days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
  }

  /** The first occurrence strictly after {@code after}. */
  public Instant nextAfter(Instant after) {
    LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < SCAN_DAYS; i++, date = date.plusDays(1)) {
      Optional<Instant> at = occurrenceOn(date).filter(t -> t.isAfter(after));
      if (at.isPresent()) {
        return at.get();
      }
    }
    throw new IllegalStateException("no occurrence within " + SCAN_DAYS + " days after " + after);
  }

  /** The last occurrence at or before {@code atOrBefore}. */
  public Instant previousAtOrBefore(Instant atOrBefore) {
    LocalDate date = atOrBefore.atZone(zone).toLocalDate().plusDays(1);
    for (int i = 0; i < SCAN_DAYS; i++, date = date.minusDays(1)) {
      Optional<Instant> at = occurrenceOn(date).filter(t -> !t.isAfter(atOrBefore));
      if (at.isPresent()) {
        return at.get();
      }
    }
    throw new IllegalStateException("no occurrence within " + SCAN_DAYS + " days before " + atOrBefore);
  }

  /** Whether {@code instant} is one of this schedule's occurrences. */
  public boolean occursAt(Instant instant) {
    return previousAtOrBefore(instant).equals(instant);
  }

  private Optional<Instant> occurrenceOn(LocalDate date) {
    return days.contains(date.getDayOfWeek())
        ? Optional.of(ZonedDateTime.of(date, time, zone).toInstant())
        : Optional.empty();
  }
}
