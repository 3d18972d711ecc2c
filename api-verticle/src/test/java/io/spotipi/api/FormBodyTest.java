package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  private static final String URLENCODED = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data; boundary=xx";

  private static MultiMap decode(String contentType, String body) {
    return FormBody.decode(contentType, Buffer.buffer(body.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static int status(String contentType, String body) {
    return assertThrows(Problem.class, () -> decode(contentType, body), body).status();
  }

  private static String part(String name, String value) {
    return "--xx\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  private static Map<String, String> asMap(MultiMap m) {
    return Map.copyOf(m.entries().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
        Map.Entry::getValue)));
  }

  @Test
  void urlencodedDecodesPlusAndPercentAsUtf8() {
    MultiMap m = decode(URLENCODED, "time=6%3A45&device_name=K%C3%BCche+1&enabled&&weekdays=%5B0%5D");
    assertEquals(Map.of("time", "6:45", "device_name", "Küche 1", "enabled", "", "weekdays", "[0]"), asMap(m));
    assertEquals(Map.of(), asMap(decode(URLENCODED, "")));
    assertEquals(Map.of("time", "7:00"), asMap(decode(URLENCODED + "; charset=UTF-8", "time=7:00")));
  }

  @Test
  void brokenPercentEncodingOrBytesThatAreNotUtf8Are400() {
    for (String bad : List.of("time=%", "time=%4", "time=%zz", "time=%4g", "t%=1", "device_name=%C3%28",
        "device_name=%FF", "device_name=%ED%A0%80", "device_name=\u00ff", "device_name=%C0%80")) {
      assertEquals(400, status(URLENCODED, bad), bad);
    }
  }

  @Test
  void aFieldSentTwiceANamelessFieldOrTooManyFieldsAre400() {
    assertEquals(400, status(URLENCODED, "time=7:00&alarm_volume=5&time=8:00"));
    assertEquals(400, status(URLENCODED, "time=7:00&TIME=8:00"), "names are looked up without case");
    assertEquals(400, status(URLENCODED, "=x"));
    StringBuilder many = new StringBuilder("time=7:00");
    for (int i = 0; i < FormBody.MAX_FIELDS; i++) {
      many.append("&f").append(i).append("=1");
    }
    Problem p = assertThrows(Problem.class, () -> decode(URLENCODED, many.toString()));
    assertTrue(p.detail().contains("more than " + FormBody.MAX_FIELDS), p.detail());
  }

  @Test
  void aCharsetOtherThanUtf8Is415() {
    assertEquals(415, status(URLENCODED + "; charset=iso-8859-1", "time=7:00"));
    assertEquals(415, status(MULTIPART + "; charset=nope", part("time", "7:00") + "--xx--"));
    assertEquals(415, status(MULTIPART, "--xx\r\nContent-Disposition: form-data; name=\"time\"\r\n"
        + "Content-Type: text/plain; charset=latin1\r\n\r\n7:00\r\n--xx--"));
  }

  @Test
  void multipartDecodesEachPartWithPreambleEpilogueAndQuotedBoundaries() {
    String body = "preamble\r\n" + part("time", "7:00") + part("device_name", "Küche")
        + "--xx\r\nContent-Disposition: form-data; name=\"empty\"\r\nContent-Type: text/plain; charset=utf-8\r\n"
        + "\r\n\r\n--xx--\r\nepilogue";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    MultiMap m = FormBody.decode("Multipart/Form-Data; Boundary=\"xx\"", Buffer.buffer(bytes));
    assertEquals(Map.of("time", "7:00", "device_name", "Küche", "empty", ""), asMap(m));
    assertEquals(Map.of(), asMap(decode(MULTIPART, "--xx--")));
    String spaced = "multipart/form-data; boundary=\"a b:c\"";
    assertEquals(Map.of("t", "1"), asMap(decode(spaced, "--a b:c\r\nContent-Disposition: form-data; name=t\r\n\r\n1"
        + "\r\n--a b:c--")));
  }

  @Test
  void aMissingEmptyOrMalformedBoundaryIs400() {
    String body = part("time", "7:00") + "--xx--\r\n";
    for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=x y", "multipart/form-data; boundary=\"" + "x".repeat(71) + "\"",
        "multipart/form-data; boundary=\"xx \"", "multipart/form-data; boundary=xx; boundary=yy",
        "multipart/form-data; boundary=\"xx", "multipart/form-data; boundary=xx; =1", "multipart/form-data; charset")) {
      assertEquals(400, status(type, body), type);
    }
  }

  @Test
  void aBodyThatDoesNotFollowItsBoundaryIs400() {
    String full = part("time", "7:00") + part("alarm_volume", "40");
    List<String> bad = List.of(
        "garbage without any delimiter",
        full.replace("--xx", "--yy") + "--yy--",
        full,
        full + "--xx\r\nContent-Disposition: form-data; name=\"device_name\"\r\n\r\nKitch",
        full + "--xx",
        full + "--xxtrailing\r\n",
        "--xx\r\nContent-Disposition: form-data; name=\"time\"\r\n7:00\r\n--xx--",
        "--xx\r\nContent-Disposition: form-data; name=\"time\"\r\n--xx--",
        "--xx\r\n\r\n7:00\r\n--xx--",
        "--xx\r\nContent-Disposition: form-data\r\n\r\n7:00\r\n--xx--",
        "--xx\r\nContent-Disposition: attachment; name=\"time\"\r\n\r\n7:00\r\n--xx--",
        "--xx\r\nContent-Disposition form-data; name=\"time\"\r\n\r\n7:00\r\n--xx--",
        "--xx\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhello\r\n--xx--",
        "--xx\r\nContent-Disposition: form-data; name=\"t\"\r\nContent-Transfer-Encoding: base64\r\n\r\nNzow\r\n--xx--",
        full + part("time", "8:00") + "--xx--",
        "--xx\r\nContent-Disposition: form-data; name=\"d\"\r\n\r\n\u00c3(\r\n--xx--");
    for (String body : bad) {
      assertEquals(400, status(MULTIPART, body), body);
    }
    assertEquals(415, status(MULTIPART, "--xx\r\nContent-Disposition: form-data; name=\"f\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\nx\r\n--xx--"));
  }

  @Test
  void tooManyPartsAre400() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= FormBody.MAX_FIELDS; i++) {
      body.append(part("f" + i, "1"));
    }
    assertEquals(400, status(MULTIPART, body.append("--xx--").toString()));
  }
}
