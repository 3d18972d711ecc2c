package io.spotipi.scheduler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatchUpTest {
  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final AlarmSchedule DAILY_0700 = new AlarmSchedule(LocalTime.of(7, 0), Set.of(), VIENNA);
  private static final Instant TODAY_0700 = at("2026-11-30T07:00+01:00");
  private static final Instant RESTART_0703 = at("2026-11-30T07:03+01:00");

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void aPlannedOccurrenceNotYetFiredIsOwed() {
    assertEquals(Optional.of(TODAY_0700), CatchUp.owed(DAILY_0700, TODAY_0700, null, RESTART_0703));
  }

  @Test
  void afterDowntimeAcrossSeveralOccurrencesTheLatestIsOwed() {
    Instant planned = at("2026-11-27T07:00+01:00");
    assertEquals(Optional.of(TODAY_0700), CatchUp.owed(DAILY_0700, planned, null, RESTART_0703));
  }

  @Test
  void aFiredOccurrenceIsNotOwed() {
    assertEquals(Optional.empty(), CatchUp.owed(DAILY_0700, TODAY_0700, TODAY_0700, RESTART_0703));
  }

  @Test
  void aTimeThatHadPassedWhenItWasSetIsNotOwed() {
    // Set at 07:02 for 07:00: the running scheduler planned tomorrow.
    Instant tomorrow = at("2026-12-01T07:00+01:00");
    assertEquals(Optional.empty(), CatchUp.owed(DAILY_0700, tomorrow, null, RESTART_0703));
  }

  @Test
  void nothingIsOwedWhenNoSchedulerPlannedOrTheScheduleChanged() {
    assertEquals(Optional.empty(), CatchUp.owed(DAILY_0700, null, null, RESTART_0703));
    Instant plannedAt0630 = at("2026-11-30T06:30+01:00");
    assertEquals(Optional.empty(), CatchUp.owed(DAILY_0700, plannedAt0630, null, RESTART_0703));
    AlarmSchedule weekends = new AlarmSchedule(LocalTime.of(7, 0),
        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), VIENNA);
    assertEquals(Optional.empty(), CatchUp.owed(weekends, TODAY_0700, null, RESTART_0703));
  }
}
