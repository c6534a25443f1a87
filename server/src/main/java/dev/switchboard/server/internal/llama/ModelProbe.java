package dev.switchboard.server.internal.llama;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.switchboard.server.engine.ModelLoadException;

/**
 * Loads a model once in a short-lived child JVM ({@link ProbeMain}) before the serving JVM loads
 * it: a native abort on a file, template or platform that llama.cpp cannot handle ends the child,
 * and becomes a {@link ModelLoadException} here with the reason read from the child's output.
 */
public final class ModelProbe {

    private static final int TAIL_LINES = 6;

    private ModelProbe() {
    }

    /**
     * Probes {@code model}; returns normally if the child loaded it, rendered its template and
     * generated a token.
     *
     * @throws ModelLoadException with the reason otherwise (native library, load, template, crash,
     *                            or no answer within {@code timeout})
     */
    public static void probe(Path model, int contextSize, boolean jinja, Duration timeout) {
        Path log = null;
        Process process = null;
        try {
            Path natives = Natives.prepareTmpdir();
            log = Files.createTempFile("switchboard-probe", ".log");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xss4m",
                    "-D" + Natives.TMPDIR_PROPERTY + "=" + natives,
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
            for (String property : Natives.LIBRARY_PROPERTIES) {
                if (System.getProperty(property) != null) {
                    command.add("-D" + property + "=" + System.getProperty(property)); // the same native build
                }
            }
            command.addAll(List.of("-cp", classpath(), ProbeMain.class.getName(),
                    model.toAbsolutePath().toString(), Integer.toString(contextSize), Boolean.toString(jinja)));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ModelLoadException(model, "loading it did not finish within " + timeout.toSeconds()
                        + " s (the probe process was stopped)", !reached(log, "native-ok"));
            }
            int status = process.exitValue();
            if (status == 0 && reached(log, "generated")) {
                return;
            }
            throw new ModelLoadException(model, reason(log, status), !reached(log, "native-ok"));
        } catch (IOException e) {
            throw new ModelLoadException(model, "the probe process could not be started: " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                process.destroyForcibly();
            }
            throw new ModelLoadException(model, "interrupted while probing", false);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    private static String reason(Path log, int status) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String exitDescription = status > 128 ? "the process died with signal " + (status - 128)
                + (status == 134 ? " (SIGABRT: a native assertion or abort)" : status == 139 ? " (SIGSEGV)" : "")
                : "exit status " + status;
        if (status == 3) {
            return "llama.cpp does not support its chat template (it would silently use ChatML instead)";
        }
        for (String line : lines) {
            if (line.startsWith("probe: template-broken")) {
                return "its chat template does not render a plain conversation: "
                        + line.substring("probe: template-broken".length()).trim();
            }
            if (line.startsWith("probe: exception")) {
                String detail = line.substring("probe: exception".length()).trim();
                return detail + evidence(lines) + " (" + exitDescription + ")";
            }
        }
        String stage = "starting";
        for (String line : lines) {
            if (line.startsWith("probe: ")) {
                stage = line.substring(7);
            }
        }
        String where = switch (stage) {
            case "native" -> "while loading the native library";
            case "native-ok" -> "while loading the model";
            case "loaded" -> "while applying the chat template";
            case "template-ok" -> "while generating";
            default -> "before loading the native library";
        };
        return "the native library crashed " + where + ": " + exitDescription + evidence(lines);
    }

    /** The lines that say what went wrong (errors, assertions), else the last few lines. */
    private static String evidence(List<String> lines) {
        Set<String> picked = new LinkedHashSet<>();
        for (String line : lines) {
            String l = line.toLowerCase();
            boolean metadataDump = line.startsWith("llama_model_loader: - ") || line.startsWith("print_info:");
            if (!line.startsWith("probe: ") && !metadataDump && (l.contains("error") || l.contains("failed")
                    || l.contains("assert") || l.contains("terminate") || l.contains("exception"))) {
                picked.add(line.trim());
            }
        }
        List<String> chosen = new ArrayList<>(picked);
        if (chosen.isEmpty()) {
            chosen = lines.stream().filter(l -> !l.startsWith("probe: ")).map(String::trim).toList();
        }
        if (chosen.isEmpty()) {
            return "";
        }
        List<String> tail = chosen.subList(Math.max(0, chosen.size() - TAIL_LINES), chosen.size());
        return "; llama.cpp said: " + String.join(" | ", tail);
    }

    private static boolean reached(Path log, String stage) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).contains("probe: " + stage);
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        for (String name : List.of("java", "java.exe")) {
            Path java = Path.of(System.getProperty("java.home"), "bin", name);
            if (Files.isExecutable(java)) {
                return java.toString();
            }
        }
        return "java";
    }

    /** This class's jar or directory and java-llama.cpp's: all {@link ProbeMain} needs. */
    private static String classpath() {
        return location(ProbeMain.class) + File.pathSeparator + location(de.kherud.llama.ModelParameters.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + type.getName() + " was loaded from", e);
        }
    }
}
