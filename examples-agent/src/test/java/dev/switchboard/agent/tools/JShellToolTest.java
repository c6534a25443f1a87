package dev.switchboard.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.agent.FunctionTool;

/** The opt-in code-execution tool; each call starts a JShell JVM, so these take a few seconds. */
class JShellToolTest {

    private static JShellTool jshell;

    @BeforeAll
    static void open() {
        jshell = new JShellTool(Duration.ofSeconds(20));
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    @Test
    void runsTheCodeAndReportsWhatItPrintedAndItsValues() {
        String answer = jshell.run_java("var x = 6 * 7;\nSystem.out.println(\"x is \" + x);\nx + 1");

        assertThat(answer).startsWith("printed: x is 42\n").contains("x ==> 42").endsWith("==> 43");
    }

    @Test
    void aRejectedSnippetOrAnExceptionIsReportedAndStopsTheRest() {
        assertThat(jshell.run_java("int n = \"seven\";\nSystem.out.println(1);"))
                .startsWith("rejected: int n = \"seven\";: incompatible types").doesNotContain("printed");
        assertThat(jshell.run_java("int zero = 0;\n10 / zero")).contains("exception: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void codeThatRunsPastTheTimeoutIsStopped() {
        try (JShellTool quick = new JShellTool(Duration.ofSeconds(3))) {
            String answer = quick.run_java("while (true) { }");
            assertThat(answer).endsWith("timed out after 3000 ms: the JShell JVM was stopped");
        }
    }

    @Test
    void aJShellWhoseJvmCannotStartIsAnErrorNotAnEmptySuccess() {
        try (JShellTool broken = new JShellTool(Duration.ofSeconds(20), List.of("-XX:+NoSuchJvmOption"))) {
            assertThatThrownBy(() -> broken.run_java("1 + 1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("JShell failed: ");
        }
    }

    @Test
    void asAToolItIsOfferedOnlyWhenAdded() throws Exception {
        FunctionTool tool = FunctionTool.fromObject(jshell).get(0);
        assertThat(tool.name()).isEqualTo("run_java");
        assertThat(tool.call("{\"code\":\"Math.max(3, 9)\"}")).endsWith("==> 9");
    }
}
