package eu.somep.it;

import eu.somep.testkit.TestSomep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand. Registered as a {@link Clock} service with {@code somep.clock=test}, plugins that
 * own deadlines (the quiz) take their time from it instead of the system clock.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** A clock at the real time, registered in the running site. */
    public static TestClock register(TestSomep somep) {
        TestClock c = new TestClock();
        somep.kernel().bundleContext().registerService(Clock.class, c, new Hashtable<>(Map.of("somep.clock", "test")));
        return c;
    }

    public void advance(Duration d) {
        offset.accumulateAndGet(d, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
