package dev.berth.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the fault suite's own engine, which it may SIGKILL, restart
 * or cut off (see {@link TestEngines#faultDockerHost()}); never the shared engines. Test methods
 * may take a {@link TestEngine} parameter. See {@link FaultEngineExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fault")
@ExtendWith(FaultEngineExtension.class)
public @interface FaultEngineTest {}
