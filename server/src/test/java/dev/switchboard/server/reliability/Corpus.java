package dev.switchboard.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The checked-in inputs of issue 16 ({@code src/test/resources/reliability/corpus/}, format in its README). */
final class Corpus {

    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.*?):(\\d+)}}");

    /** One corpus file, expanded. */
    record Entry(String name, Map<String, String> meta, byte[] request) {
        String expect() {
            return meta.getOrDefault("expect", "answered");
        }

        boolean noRead() {
            return "noread".equals(meta.get("mode"));
        }

        /** The body: what follows the first blank line. */
        String body() {
            String text = new String(request, StandardCharsets.UTF_8);
            int blank = text.indexOf("\r\n\r\n");
            return blank < 0 ? "" : text.substring(blank + 4);
        }

        /** The request line's path. */
        String path() {
            String text = new String(request, 0, Math.min(request.length, 200), StandardCharsets.UTF_8);
            return text.split(" ")[1];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    static List<Entry> entries() {
        try {
            Path dir = Path.of(Corpus.class.getResource("/reliability/corpus").toURI());
            List<Entry> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".http")).sorted().toList()) {
                    out.add(read(file));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry read(Path file) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (lines.isEmpty() && line.startsWith("# ")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(2, colon).trim(), line.substring(colon + 1).trim());
            } else {
                lines.add(line);
            }
        }
        String request;
        if ("raw".equals(meta.get("framing"))) {
            request = expand(String.join("", lines)).replace("\\r", "\r").replace("\\n", "\n");
        } else {
            request = expand(String.join("\r\n", lines));
            int blank = request.indexOf("\r\n\r\n");
            if (blank >= 0 && request.substring(0, blank).contains("Content-Length: {{length}}")) {
                String body = request.substring(blank + 4);
                while (body.endsWith("\r\n")) {
                    body = body.substring(0, body.length() - 2);
                }
                request = request.substring(0, blank).replace("{{length}}",
                        Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)) + "\r\n\r\n" + body;
            } else if (!request.endsWith("\r\n")) {
                request = request + "\r\n";
            }
        }
        String name = file.getFileName().toString().replace(".http", "");
        return new Entry(name, meta, request.getBytes(StandardCharsets.UTF_8));
    }

    private static String expand(String template) {
        Matcher m = REPEAT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
