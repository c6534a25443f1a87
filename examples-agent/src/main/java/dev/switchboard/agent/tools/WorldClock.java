package dev.switchboard.agent.tools;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.switchboard.agent.Param;
import dev.switchboard.agent.Tool;

/**
 * The time, for a model that has no clock: now in any IANA time zone, a wall-clock time moved from
 * one zone to another, the days between two dates. Reads time only from the {@link Clock} it was
 * given, so tests fix it with {@link Clock#fixed}. Zone names are IANA ids ({@code Europe/Paris},
 * {@code Asia/Tokyo}, {@code UTC}); anything else makes the tool fail with the JDK's message,
 * which the model reads. Thread-safe.
 */
public final class WorldClock {

    private static final DateTimeFormatter ZONED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Clock clock;

    /** A clock on {@code clock}; {@code Clock.systemUTC()} for the real time. */
    public WorldClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Now in {@code zone}, e.g. {@code {"zone":"Asia/Tokyo","localTime":"2026-03-01T21:00:00+09:00","dayOfWeek":"SUNDAY"}}.
     *
     * @throws java.time.DateTimeException if {@code zone} is not a zone id
     */
    @Tool("The current date and time in a time zone")
    public Now current_time(@Param("an IANA time zone id, e.g. Europe/Paris, Asia/Tokyo or UTC") String zone) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneId.of(zone)));
        return new Now(zone, now.truncatedTo(ChronoUnit.SECONDS).format(ZONED), now.getDayOfWeek().name());
    }

    /**
     * The same instant seen in another zone: {@code 2026-03-01T09:00} in {@code Europe/Paris} is
     * {@code 2026-03-01T17:00+09:00} in {@code Asia/Tokyo}. A wall-clock time skipped by a daylight
     * saving change moves forward by the gap, as {@link ZonedDateTime#of} does.
     *
     * @throws java.time.DateTimeException if a zone is unknown or the time is not ISO
     *                                     {@code yyyy-MM-ddTHH:mm[:ss]}
     */
    @Tool("Converts a local date-time in one time zone to the same instant in another")
    public String convert_time(@Param("local date-time, ISO format, e.g. 2026-03-01T09:00") String localDateTime,
            @Param("the IANA zone the time is in") String fromZone,
            @Param("the IANA zone to convert to") String toZone) {
        ZonedDateTime from = ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZoneId.of(fromZone));
        return from.withZoneSameInstant(ZoneId.of(toZone)).format(ZONED);
    }

    /**
     * Whole days from {@code from} to {@code to}, negative if {@code to} is earlier.
     *
     * @throws java.time.DateTimeException if a date is not ISO {@code yyyy-MM-dd}
     */
    @Tool("The number of days from one date to another (negative if the second is earlier)")
    public long days_between(@Param("the first date, ISO yyyy-MM-dd") String from,
            @Param("the second date, ISO yyyy-MM-dd") String to) {
        return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to));
    }

    /**
     * The answer of {@link #current_time}.
     *
     * @param zone      the zone asked for
     * @param localTime ISO date-time with offset, to the second
     * @param dayOfWeek e.g. {@code MONDAY}
     */
    public record Now(String zone, String localTime, String dayOfWeek) {
    }
}
