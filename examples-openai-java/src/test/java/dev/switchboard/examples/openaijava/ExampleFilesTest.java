package dev.switchboard.examples.openaijava;

import org.junit.jupiter.api.Test;

import dev.switchboard.testkit.examples.ExampleSources;

/** The example files stand alone and stay short: what a reader copies. */
class ExampleFilesTest {

    @Test
    void eachExampleFileCompilesAloneAgainstTheSdk() {
        ExampleSources.inModule().assertEachCompilesAlone();
    }

    @Test
    void eachExampleFileIsShort() {
        ExampleSources.inModule().assertShort(100, 60);
    }

    @Test
    void eachExampleFileThatChatsBoundsTheAnswerWithMaxTokens() {
        ExampleSources.inModule().assertEachChatBoundsItsAnswer();
    }
}
