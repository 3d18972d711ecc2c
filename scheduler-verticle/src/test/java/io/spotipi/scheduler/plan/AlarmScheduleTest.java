package io.spotipi.scheduler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected instants are written out with their offsets, never computed with java.time's zone rules. */
class AlarmScheduleTest {
  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Set<DayOfWeek> ONE_TIME = Set.of();

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static AlarmSchedule schedule(String time, Set<DayOfWeek> days, ZoneId zone) {
    return new AlarmSchedule(LocalTime.parse(time), days, zone);
  }

  @Nested
  class Weekdays {
    private final AlarmSchedule weekdays0700 = schedule("07:00", MON_FRI, VIENNA);

    @Test
    void saturdayWithMondayToFridayFiresOnMonday() {
      assertEquals(at("2026-11-30T07:00+01:00"), weekdays0700.nextAfter(at("2026-11-28T10:00+01:00")));
    }

    @Test
    void todayStillAheadFiresToday() {
      assertEquals(at("2026-11-30T07:00+01:00"), weekdays0700.nextAfter(at("2026-11-30T06:59:59.999+01:00")));
    }

    @Test
    void exactlyAtTheTimeFiresOnTheNextAllowedDay() {
      assertEquals(at("2026-12-01T07:00+01:00"), weekdays0700.nextAfter(at("2026-11-30T07:00+01:00")));
    }

    @Test
    void justPastOnFridayFiresOnMonday() {
      assertEquals(at("2026-12-07T07:00+01:00"), weekdays0700.nextAfter(at("2026-12-04T07:00:00.001+01:00")));
    }

    @Test
    void previousOccurrenceSkipsTheWeekend() {
      assertEquals(at("2026-11-27T07:00+01:00"), weekdays0700.previousAtOrBefore(at("2026-11-30T06:59+01:00")));
      assertEquals(at("2026-11-30T07:00+01:00"), weekdays0700.previousAtOrBefore(at("2026-11-30T07:00+01:00")));
    }

    @Test
    void occursAtOnlyOnAllowedDaysAndTime() {
      assertTrue(weekdays0700.occursAt(at("2026-11-30T07:00+01:00")));
      assertFalse(weekdays0700.occursAt(at("2026-11-29T07:00+01:00")));
      assertFalse(weekdays0700.occursAt(at("2026-11-30T07:00:01+01:00")));
    }
  }

  @Nested
  class OneTime {
    private final AlarmSchedule once0700 = schedule("07:00", ONE_TIME, VIENNA);

    @Test
    void firesLaterTodayWhenTheTimeIsAhead() {
      assertEquals(at("2026-11-28T07:00+01:00"), once0700.nextAfter(at("2026-11-28T06:00+01:00")));
    }

    @Test
    void firesTomorrowWhenTheTimeHasPassed() {
      assertEquals(at("2026-11-29T07:00+01:00"), once0700.nextAfter(at("2026-11-28T07:02+01:00")));
    }
  }

  @Nested
  class DaylightSaving {
    @Test
    void viennaSpringForwardGapShiftsByTheGapLength() {
      AlarmSchedule daily0230 = schedule("02:30", ONE_TIME, VIENNA);
      Instant shifted = daily0230.nextAfter(at("2026-03-28T12:00+01:00"));
      assertEquals(at("2026-03-29T03:30+02:00"), shifted);
      assertEquals(at("2026-03-30T02:30+02:00"), daily0230.nextAfter(shifted));
    }

    @Test
    void newYorkSpringForwardGapShiftsByTheGapLength() {
      AlarmSchedule daily0230 = schedule("02:30", ONE_TIME, NEW_YORK);
      Instant shifted = daily0230.nextAfter(at("2026-03-07T23:00-05:00"));
      assertEquals(at("2026-03-08T03:30-04:00"), shifted);
      assertEquals(at("2026-03-09T02:30-04:00"), daily0230.nextAfter(shifted));
    }

    @Test
    void viennaFallBackOverlapFiresOnceAtTheEarlierOffset() {
      AlarmSchedule daily0230 = schedule("02:30", ONE_TIME, VIENNA);
      Instant first = daily0230.nextAfter(at("2026-10-25T01:00+02:00"));
      assertEquals(at("2026-10-25T02:30+02:00"), first);
      assertEquals(at("2026-10-26T02:30+01:00"), daily0230.nextAfter(first));
      assertFalse(daily0230.occursAt(at("2026-10-25T02:30+01:00")));
    }

    @Test
    void newYorkFallBackOverlapFiresOnceAtTheEarlierOffset() {
      AlarmSchedule daily0130 = schedule("01:30", ONE_TIME, NEW_YORK);
      Instant first = daily0130.nextAfter(at("2026-10-31T23:00-04:00"));
      assertEquals(at("2026-11-01T01:30-04:00"), first);
      assertEquals(at("2026-11-02T01:30-05:00"), daily0130.nextAfter(first));
      assertEquals(first, daily0130.previousAtOrBefore(at("2026-11-01T01:45-05:00")));
    }

    @Test
    void morningAlarmAfterASpringForwardNightIsAnHourCloserInRealTime() {
      assertEquals(at("2026-03-29T07:00+02:00"),
          schedule("07:00", ONE_TIME, VIENNA).nextAfter(at("2026-03-28T22:00+01:00")));
      assertEquals(at("2026-03-08T07:00-04:00"),
          schedule("07:00", ONE_TIME, NEW_YORK).nextAfter(at("2026-03-07T22:00-05:00")));
    }

    @Test
    void morningAlarmAfterAFallBackNightIsAnHourFurtherInRealTime() {
      assertEquals(at("2026-10-25T07:00+01:00"),
          schedule("07:00", ONE_TIME, VIENNA).nextAfter(at("2026-10-24T22:00+02:00")));
      assertEquals(at("2026-11-01T07:00-05:00"),
          schedule("07:00", ONE_TIME, NEW_YORK).nextAfter(at("2026-10-31T22:00-04:00")));
    }

    @Test
    void previousOccurrenceInsideTheGapIsTheShiftedOne() {
      AlarmSchedule daily0230 = schedule("02:30", ONE_TIME, VIENNA);
      assertEquals(at("2026-03-28T02:30+01:00"), daily0230.previousAtOrBefore(at("2026-03-29T03:29+02:00")));
      assertEquals(at("2026-03-29T03:30+02:00"), daily0230.previousAtOrBefore(at("2026-03-29T03:30+02:00")));
    }
  }

  @Nested
  class Zones {
    @Test
    void theSameLocalTimeIsADifferentInstantInAnotherZone() {
      Instant now = at("2026-11-28T00:00Z");
      assertEquals(at("2026-11-28T07:00+01:00"), schedule("07:00", ONE_TIME, VIENNA).nextAfter(now));
      assertEquals(at("2026-11-28T07:00-05:00"), schedule("07:00", ONE_TIME, NEW_YORK).nextAfter(now));
    }

    @Test
    void aZoneThatSkipsAWholeDateFiresOnTheNextDateThatExists() {
      // Samoa moved across the date line: 2011-12-30 never happened in Pacific/Apia.
      AlarmSchedule daily0700 = schedule("07:00", ONE_TIME, ZoneId.of("Pacific/Apia"));
      assertEquals(at("2011-12-31T07:00+14:00"), daily0700.nextAfter(at("2011-12-29T08:00-10:00")));
    }
  }

  @Nested
  class Calendar {
    @Test
    void midnightAlarmJustBeforeMidnightFiresOnTheNextDay() {
      assertEquals(at("2026-11-30T00:00+01:00"),
          schedule("00:00", EnumSet.of(DayOfWeek.MONDAY), VIENNA).nextAfter(at("2026-11-29T23:59+01:00")));
    }

    @Test
    void lateAlarmJustAfterItsTimeWrapsToTheNextWeek() {
      assertEquals(at("2026-12-06T23:59+01:00"),
          schedule("23:59", EnumSet.of(DayOfWeek.SUNDAY), VIENNA).nextAfter(at("2026-11-29T23:59:30+01:00")));
    }

    @Test
    void leapDayIsAnOrdinaryTuesday() {
      AlarmSchedule tuesdays = schedule("07:00", EnumSet.of(DayOfWeek.TUESDAY), NEW_YORK);
      assertEquals(at("2028-02-29T07:00-05:00"), tuesdays.nextAfter(at("2028-02-28T12:00-05:00")));
      AlarmSchedule daily = schedule("07:00", ONE_TIME, NEW_YORK);
      assertEquals(at("2028-03-01T07:00-05:00"), daily.nextAfter(at("2028-02-29T07:00-05:00")));
    }
  }
}
