package dev.switchboard.workshop;

import dev.switchboard.agent.Param;
import dev.switchboard.agent.Tool;

/**
 * The agent-loop scenario's tool: a fixed forecast, the same for every city, so a run is
 * repeatable. Its name, {@code get_weather}, is the one the scripted engine matches for
 * "What is the weather in Paris?" (server README, rule 1).
 */
public final class WeatherTool {

    /** A fixed forecast for {@code city}: {@code {"city":CITY,"temperature_c":21,"sky":"clear"}}. */
    @Tool("Current weather for a city")
    public Forecast get_weather(@Param("the city's name, e.g. Paris") String city) {
        return new Forecast(city, 21, "clear");
    }

    /**
     * What {@link #get_weather} answers.
     *
     * @param city          the city asked for
     * @param temperature_c degrees Celsius
     * @param sky           e.g. {@code clear}
     */
    public record Forecast(String city, int temperature_c, String sky) {
    }
}
