package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private static final AccessPolicy LAN = new AccessPolicy(null, List.of(), List.of());
  private static final AccessPolicy TOKEN = new AccessPolicy("s3cret", List.of(), List.of());

  @Test
  void withoutATokenOnlyLoopbackAndPrivateNetworksMayMutate() {
    for (String ok : List.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "10.1.2.3", "172.16.0.9", "172.31.255.1",
        "192.168.178.20", "169.254.1.1", "fd12:3456::1", "fe80::1")) {
      assertNull(LAN.checkMutation(ok, null, null, null, "pi:5001"), ok);
    }
    for (String denied : List.of("8.8.8.8", "172.32.0.1", "100.64.0.1", "2001:db8::1", "not-an-ip", "")) {
      assertEquals(403, LAN.checkMutation(denied, null, null, null, "pi:5001").status(), denied);
    }
  }

  @Test
  void withATokenTheBearerIsRequiredFromAnywhere() {
    assertNull(TOKEN.checkMutation("8.8.8.8", "Bearer s3cret", null, null, "pi:5001"));
    assertNull(TOKEN.checkMutation("8.8.8.8", "bearer s3cret", null, null, "pi:5001"));
    for (String bad : new String[] {null, "", "Bearer", "Bearer ", "Bearer s3cre", "Bearer s3cret2", "Basic s3cret",
        "s3cret"}) {
      Problem p = TOKEN.checkMutation("127.0.0.1", bad, null, null, "pi:5001");
      assertEquals(401, p.status(), String.valueOf(bad));
      assertEquals("Bearer", p.headers().get("WWW-Authenticate"));
    }
  }

  @Test
  void aBrowserOriginMustBeTheServerItselfOrAllowListed() {
    assertNull(LAN.checkMutation("192.168.1.5", null, "http://pi:5001", null, "pi:5001"));
    assertNull(LAN.checkMutation("192.168.1.5", null, "https://PI:5001", null, "pi:5001"));
    for (String o : List.of("http://evil.example", "http://pi:5002", "null", "http://pi:5001.evil.example")) {
      assertEquals(403, LAN.checkMutation("192.168.1.5", null, o, null, "pi:5001").status(), o);
    }
    AccessPolicy listed = new AccessPolicy(null, List.of("http://dashboard.lan:8080/"), List.of());
    assertNull(listed.checkMutation("192.168.1.5", null, "http://dashboard.lan:8080", null, "pi:5001"));
    assertEquals(403, listed.checkMutation("192.168.1.5", null, "http://other.lan", null, "pi:5001").status());
    AccessPolicy any = new AccessPolicy(null, List.of("*"), List.of());
    assertNull(any.checkMutation("192.168.1.5", null, "http://other.lan", null, "pi:5001"));
  }

  /** Issue 19: a browser that sends no Origin still names the page it came from. */
  @Test
  void withoutAnOriginAForeignRefererMayNotMutate() {
    assertNull(LAN.checkMutation("192.168.1.5", null, null, "http://pi:5001/alarm", "pi:5001"));
    assertNull(LAN.checkMutation("192.168.1.5", null, null, "HTTP://PI:5001", "pi:5001"));
    for (String r : List.of("http://evil.example/", "http://pi:5002/x", "not a url", "file:///x",
        "http://pi:5001.evil.example/")) {
      assertEquals(403, LAN.checkMutation("192.168.1.5", null, null, r, "pi:5001").status(), r);
    }
    assertEquals(403, TOKEN.checkMutation("8.8.8.8", "Bearer s3cret", null, "http://evil.example/", "pi:5001")
        .status(), "the token does not excuse a foreign page");
    assertNull(LAN.checkMutation("192.168.1.5", null, "http://pi:5001", "http://evil.example/", "pi:5001"),
        "the Origin, when sent, is what counts");
    AccessPolicy listed = new AccessPolicy(null, List.of("http://dashboard.lan"), List.of());
    assertNull(listed.checkMutation("192.168.1.5", null, null, "http://dashboard.lan/page?x=1", "pi:5001"));
  }

  @Test
  void theOriginCheckAppliesEvenWithAValidToken() {
    assertEquals(403, TOKEN.checkMutation("8.8.8.8", "Bearer s3cret", "http://evil.example", null, "pi:5001").status());
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    assertEquals("8.8.8.8", LAN.clientAddress("8.8.8.8", "192.168.1.2"));
    AccessPolicy proxied = new AccessPolicy(null, List.of(), List.of("10.0.0.1", "172.20.0.0/16"));
    assertEquals("9.9.9.9", proxied.clientAddress("9.9.9.9", "8.8.8.8"), "untrusted peer: its own address");
    assertEquals("10.0.0.1", proxied.clientAddress("10.0.0.1", null));
    assertEquals("203.0.113.7", proxied.clientAddress("10.0.0.1", "203.0.113.7"));
    assertEquals("203.0.113.7", proxied.clientAddress("10.0.0.1", "192.168.1.1, 203.0.113.7, 172.20.3.4"),
        "the nearest hop that is not a trusted proxy; anything left of it could be forged");
    assertEquals("10.0.0.1", proxied.clientAddress("10.0.0.1", ""));
    assertEquals("garbage", proxied.clientAddress("10.0.0.1", "garbage"));
    assertEquals(403, proxied.checkMutation(proxied.clientAddress("10.0.0.1", "garbage"), null, null, null, "h").status());
  }

  @Test
  void badProxySpecsAreRefused() {
    for (String bad : List.of("proxy.lan", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
      assertThrows(IllegalArgumentException.class, () -> new AccessPolicy(null, List.of(), List.of(bad)), bad);
    }
  }
}
