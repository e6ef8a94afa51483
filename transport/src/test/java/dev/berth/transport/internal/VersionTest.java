package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void userAgentCarriesTheVersionTheBuildWrote() {
    assertTrue(Version.VERSION.matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), Version.VERSION);
    assertEquals("berth/" + Version.VERSION, Version.USER_AGENT);
  }
}
