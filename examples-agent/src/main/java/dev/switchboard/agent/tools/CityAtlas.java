package dev.switchboard.agent.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.switchboard.agent.Param;
import dev.switchboard.agent.Tool;
import dev.switchboard.agent.internal.Schemas;
import tools.jackson.core.type.TypeReference;

/**
 * A lookup in a small dataset bundled with this module ({@code cities.json}: 20 cities with
 * country, IANA time zone, coordinates and population) and great-circle distances between them.
 *
 * <p>The coordinates are the usual city-centre references to four decimals; the populations are
 * rounded figures for the city proper (Tokyo: the metropolis; Sydney: Greater Sydney) as commonly
 * cited, for examples, not for research. Names match case- and accent-insensitively
 * ({@code sao paulo} finds São Paulo). Immutable and thread-safe.
 */
public final class CityAtlas {

    /** The mean Earth radius used for distances, in kilometres (IUGG). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private final List<City> cities;

    /**
     * Loads the bundled dataset.
     *
     * @throws UncheckedIOException if {@code cities.json} cannot be read (a broken build)
     */
    public CityAtlas() {
        try (InputStream in = CityAtlas.class.getResourceAsStream("cities.json")) {
            if (in == null) {
                throw new IOException("cities.json is missing from the class path");
            }
            cities = List.copyOf(Schemas.JSON.readValue(in, new TypeReference<List<City>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every city of the dataset, in name order. */
    public List<City> cities() {
        return cities;
    }

    /**
     * The city named {@code name}.
     *
     * @throws IllegalArgumentException if the dataset has no such city (the message lists those it has)
     */
    @Tool("Looks up a city: country, IANA time zone, latitude, longitude and approximate population")
    public City lookup_city(@Param("the city's name, e.g. Paris") String name) {
        String key = key(name);
        return cities.stream().filter(city -> key(city.name()).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no city named '" + name + "' in the dataset; it has: "
                        + cities.stream().map(City::name).collect(Collectors.joining(", "))));
    }

    /**
     * The great-circle (haversine) distance between two cities of the dataset, in kilometres, to one
     * decimal: Paris to London is {@code 343.6}.
     *
     * @throws IllegalArgumentException if a city is not in the dataset
     */
    @Tool("The great-circle distance between two cities in kilometres")
    public BigDecimal distance_km(@Param("the first city") String from, @Param("the second city") String to) {
        City a = lookup_city(from);
        City b = lookup_city(to);
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = StrictMath.pow(StrictMath.sin(dLat / 2), 2)
                + StrictMath.cos(lat1) * StrictMath.cos(lat2) * StrictMath.pow(StrictMath.sin(dLon / 2), 2);
        double km = 2 * EARTH_RADIUS_KM * StrictMath.asin(StrictMath.sqrt(h));
        return BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** The cities of a country (by name or ISO 3166 code, case-insensitive); empty when none. */
    @Tool("Lists the dataset's cities in a country, given by name or two-letter code")
    public List<String> cities_in_country(@Param("a country name or ISO code, e.g. United States or US") String country) {
        String key = key(country);
        return cities.stream().filter(city -> key(city.country()).equals(key) || key(city.countryCode()).equals(key))
                .map(City::name).collect(Collectors.toList());
    }

    private static String key(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * One row of the dataset.
     *
     * @param name        the city's usual English name
     * @param country     the country's English short name
     * @param countryCode ISO 3166-1 alpha-2
     * @param timeZone    the IANA zone id
     * @param latitude    degrees north (negative: south)
     * @param longitude   degrees east (negative: west)
     * @param population  approximate, rounded
     */
    public record City(String name, String country, String countryCode, String timeZone, double latitude,
            double longitude, long population) {
    }
}
