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
  }

  @Test
  void readsWhatTheAppPasses() {
    JsonObject config = new JsonObject().put("catchupGraceSeconds", 90).put("recheckMaxMs", 250).put("nodeId", "pi-2");
    SchedulerOptions options = new SchedulerOptions(config);
    assertEquals(90, options.getCatchupGraceSeconds());
    assertEquals(250, options.getRecheckMaxMs());
    assertEquals("pi-2", options.getNodeId());
    assertEquals(config, options.toJson());
  }
}
