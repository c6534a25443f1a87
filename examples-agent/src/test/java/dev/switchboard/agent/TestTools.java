package dev.switchboard.agent;

import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Tools for the runner's tests, each with one behaviour a test needs. */
public final class TestTools {

    /** Counted down when {@link #slow_lookup} is interrupted by its timeout. */
    final CountDownLatch slowInterrupted = new CountDownLatch(1);
    final AtomicBoolean slowFinished = new AtomicBoolean();

    /** A forecast that is always the same for the same city. */
    @Tool("Current weather for a city")
    public String get_weather(@Param("the city, e.g. Paris") String city) {
        return "{\"city\":\"" + city + "\",\"temperature_c\":21}";
    }

    @Tool("Adds two numbers exactly")
    public BigDecimal add(@Param("first") BigDecimal a, @Param("second") BigDecimal b) {
        return a.add(b);
    }

    @Tool("Multiplies two numbers exactly")
    public BigDecimal multiply(@Param("first") BigDecimal a, @Param("second") BigDecimal b) {
        return a.multiply(b);
    }

    @Tool("Finds the stock level of a product; always fails")
    public int stock_level(@Param("the product name") String product) {
        throw new IllegalStateException("the inventory database is down");
    }

    @Tool(value = "A lookup in a slow archive; takes far longer than its timeout", timeoutMillis = 300)
    public String slow_lookup(@Param("the archive key") String key) {
        try {
            Thread.sleep(10_000);
            slowFinished.set(true);
            return "found " + key;
        } catch (InterruptedException interrupted) {
            slowInterrupted.countDown();
            return "interrupted";
        }
    }

    boolean awaitSlowInterrupted() throws InterruptedException {
        return slowInterrupted.await(5, TimeUnit.SECONDS);
    }
}
