package dev.switchboard.examples.langchain4j;

import org.junit.jupiter.api.Test;

import dev.switchboard.testkit.examples.ExampleSources;

/**
 * The files a reader copies stand alone: each compiles on its own against this module's third-party
 * class path (LangChain4j's artifacts, no Switchboard class), and they are short.
 */
class ExampleFilesTest {

    @Test
    void eachExampleFileCompilesAlone() {
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
