package dev.switchboard.examples.springai;

import org.junit.jupiter.api.Test;

import dev.switchboard.testkit.examples.ExampleSources;

/**
 * The example files as a reader copies them: each compiles alone against this module's third-party
 * class path (Spring AI and what it brings; no Switchboard class, no other example), and each is short.
 */
class ExampleFilesTest {

    @Test
    void eachExampleFileCompilesAlone() {
        ExampleSources.inModule().assertEachCompilesAlone();
    }

    @Test
    void exampleFilesAreShort() {
        ExampleSources.inModule().assertShort(100, 60);
    }

    @Test
    void eachExampleFileThatChatsBoundsTheAnswerWithMaxTokens() {
        ExampleSources.inModule().assertEachChatBoundsItsAnswer();
    }
}
