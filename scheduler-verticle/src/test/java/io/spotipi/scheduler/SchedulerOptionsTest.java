package io.spotipi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SchedulerOptionsTest {
  @Test
  void absentKeysTakeTheDefaults() {
    SchedulerOptions options = new SchedulerOptions(new JsonObject());
    assertEquals(SchedulerOptions.DEFAULT_CATCHUP_GRACE_SECONDS, options.getCatchupGraceSeconds());
    assertEquals(SchedulerOptions.DEFAULT_RECHECK_MAX_MS, options.getRecheckMaxMs());
    assertEquals(SchedulerOptions.DEFAULT_NODE_ID, options.getNodeId());
    assertEquals(120_000, options.getPrepareAheadMs());
    assertEquals(SchedulerOptions.DEFAULT_PLAY_TIMEOUT_MS, options.getPlayTimeoutMs());
  }

  @Test
  void readsWhatTheAppPasses() {
    JsonObject config = new JsonObject().put("catchupGraceSeconds", 90).put("recheckMaxMs", 250).put("nodeId", "pi-2")
        .put("prepareAheadMs", 5_000).put("playTimeoutMs", 700);
    SchedulerOptions options = new SchedulerOptions(config);
    assertEquals(90, options.getCatchupGraceSeconds());
    assertEquals(250, options.getRecheckMaxMs());
    assertEquals("pi-2", options.getNodeId());
    assertEquals(5_000, options.getPrepareAheadMs());
    assertEquals(700, options.getPlayTimeoutMs());
    assertEquals(config, options.toJson());
  }
}
