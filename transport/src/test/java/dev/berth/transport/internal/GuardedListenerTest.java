package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.transport.TransportListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The guard passes every event on: a method it did not override would silently drop one. */
class GuardedListenerTest {
  @Test
  void everyEventOfTheInterfaceIsPassedOn() throws NoSuchMethodException {
    int events = 0;
    for (Method m : TransportListener.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      events++;
      assertEquals(GuardedListener.class,
          GuardedListener.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass(), m.getName());
    }
    assertEquals(11, events, "the events this test knows of");
  }
}
