package io.spotipi.scheduler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The planner with instants handed in: no event loop, no store, no clock of its own. */
class PlannerTest {
  private static final Duration GRACE = Duration.ofSeconds(600);
  private static final Planner PLANNER = new Planner(GRACE);
  /** A Monday in Vienna, far from any DST change. */
  private static final Instant MONDAY_0700 = at("2026-11-30T07:00+01:00");
  private static final Instant TUESDAY_0700 = at("2026-12-01T07:00+01:00");

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static Alarm daily(String time) {
    return Alarm.parse(new JsonObject().put("enabled", true).put("time", time)
        .put("weekdays", new JsonArray().add(0).add(1).add(2).add(3).add(4).add(5).add(6))
        .put("timezone", "Europe/Vienna"));
  }

  @Test
  void aFreshSchedulerWaitsForTheNextOccurrence() {
    Plan plan = PLANNER.resume(daily("07:00"), null, null, MONDAY_0700.minusSeconds(60));
    assertEquals(new Plan(MONDAY_0700, Instant.MIN), plan);
    assertEquals(new Planner.Step(Planner.Action.WAIT, Duration.ofSeconds(60)),
        PLANNER.step(plan, MONDAY_0700.minusSeconds(60)));
  }

  @Test
  void itFiresAtTheInstantNeverBefore() {
    Plan plan = new Plan(MONDAY_0700, Instant.MIN);
    assertEquals(Planner.Action.WAIT, PLANNER.step(plan, MONDAY_0700.minusMillis(1)).action());
    assertEquals(new Planner.Step(Planner.Action.FIRE, Duration.ZERO), PLANNER.step(plan, MONDAY_0700));
  }

  @Test
  void anOccurrenceFoundLateFiresWithinTheGraceAndIsSkippedBeyondIt() {
    Plan plan = new Plan(MONDAY_0700, Instant.MIN);
    assertEquals(new Planner.Step(Planner.Action.FIRE, GRACE), PLANNER.step(plan, MONDAY_0700.plus(GRACE)));
    assertEquals(new Planner.Step(Planner.Action.SKIP, GRACE.plusMillis(1)),
        PLANNER.step(plan, MONDAY_0700.plus(GRACE).plusMillis(1)));
  }

  @Test
  void aHandledOccurrenceIsNotPlannedAgainEvenWhenTheClockStepsBack() {
    Plan handled = new Plan(MONDAY_0700, Instant.MIN).handled(MONDAY_0700);
    assertNull(handled.target());
    assertEquals(new Plan(TUESDAY_0700, MONDAY_0700),
        PLANNER.replan(handled, daily("07:00"), MONDAY_0700.minusSeconds(1)));
  }

  @Test
  void aReplanKeepsADueOccurrenceTheNewConfigStillHas() {
    Plan due = new Plan(MONDAY_0700, Instant.MIN);
    Instant now = MONDAY_0700.plusSeconds(5);
    assertEquals(due, PLANNER.replan(due, daily("07:00"), now));
    assertEquals(new Plan(at("2026-11-30T07:30+01:00"), Instant.MIN), PLANNER.replan(due, daily("07:30"), now));
  }

  @Test
  void aDisabledOrUnschedulableAlarmPlansNothingButKeepsWhatWasHandled() {
    Plan handled = new Plan(null, MONDAY_0700);
    JsonObject disabled = new JsonObject().put("enabled", false).put("time", "07:00");
    assertEquals(new Plan(null, MONDAY_0700), PLANNER.replan(handled, Alarm.parse(disabled), MONDAY_0700));
    assertEquals(new Plan(null, MONDAY_0700), PLANNER.replan(handled, null, MONDAY_0700));
  }

  @Test
  void aRestartOwesTheOccurrenceMissedWhileNoSchedulerRan() {
    Instant restart = MONDAY_0700.plusSeconds(180);
    Plan plan = PLANNER.resume(daily("07:00"), MONDAY_0700, null, restart);
    assertEquals(new Plan(MONDAY_0700, Instant.MIN), plan);
    assertEquals(new Planner.Step(Planner.Action.FIRE, Duration.ofSeconds(180)), PLANNER.step(plan, restart));
  }

  @Test
  void aRestartAfterTheFiringResumesFromTheRecordedOccurrence() {
    Instant restart = MONDAY_0700.plusSeconds(180);
    assertEquals(new Plan(TUESDAY_0700, MONDAY_0700),
        PLANNER.resume(daily("07:00"), MONDAY_0700, MONDAY_0700, restart));
  }

  @Test
  void aRestartOwesNothingForAnAlarmNoSchedulerPlanned() {
    Instant restart = MONDAY_0700.plusSeconds(180);
    assertEquals(new Plan(TUESDAY_0700, Instant.MIN), PLANNER.resume(daily("07:00"), null, null, restart));
  }
}
