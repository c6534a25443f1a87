package dev.switchboard.examples.rawhttp;

import org.junit.jupiter.api.Test;

import dev.switchboard.testkit.examples.ExampleSources;

/**
 * The example files as a reader copies them: each compiles alone against OkHttp and Jackson (the module's
 * compile class path, written by maven-dependency-plugin), and they stay short.
 */
class ExampleFilesTest {

    @Test
    void eachExampleFileCompilesAloneAgainstItsLibrariesOnly() {
        ExampleSources.inModule().assertEachCompilesAlone();
    }

    @Test
    void eachExampleFileIsAtMost100LinesAndTheMedianAtMost60() {
        ExampleSources.inModule().assertShort(100, 60);
    }

    @Test
    void eachExampleFileThatChatsBoundsTheAnswerWithMaxTokens() {
        ExampleSources.inModule().assertEachChatBoundsItsAnswer();
    }
}
