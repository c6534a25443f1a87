package dev.switchboard.server.internal.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.engine.EngineException;

/** The grammars from llama.cpp's converter, and the bounds the demo model needs (needs the native library). */
class JsonGrammarTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
            + "\"code\":{\"type\":\"string\",\"minLength\":20},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
            + "\"required\":[\"city\",\"code\",\"tags\"]}";

    @BeforeAll
    static void natives() {
        Natives.prepareTmpdir();
    }

    @Test
    void unboundedTheGrammarIsLlamaCppsOwn() {
        String grammar = JsonGrammar.UNBOUNDED.grammar(SCHEMA);

        assertThat(grammar).contains("char*").contains("\"\\n\"{1,2} [ \\t]{0,20}");
    }

    @Test
    void boundedEveryRepetitionHasAnUpperBoundAndStringsAreNotEmpty() {
        String grammar = new JsonGrammar(12).grammar(SCHEMA);

        assertThat(grammar).doesNotContain("*").doesNotContain(",}")
                .contains("char{1,12}").contains("char{20,20}").contains("){0,12}")
                .containsPattern("(?m)^space ::= \\| \" \"$");
    }

    @Test
    void aCallIsANameAndArgumentsForOneOfTheTools() {
        String schema = JsonGrammar.callSchema(List.of(new ToolSpec("a", null, null), new ToolSpec("b", null, null)));

        assertThat(schema).startsWith("{\"anyOf\":[").contains("{\"const\":\"a\"}").contains("{\"const\":\"b\"}");
        assertThat(JsonGrammar.UNBOUNDED.grammar(schema)).contains("\"\\\"a\\\"\"").contains("\"\\\"b\\\"\"");
    }

    @Test
    void toolParametersThatAreNotAnObjectAre400() {
        assertThatThrownBy(() -> JsonGrammar.callSchema(List.of(new ToolSpec("a", null, "[1]"))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aSchemaNestedTooDeeplyIs400BeforeItReachesTheNativeConverter() {
        String deep = "{\"type\":\"object\",\"properties\":{\"a\":".repeat(40) + "{}" + "}}".repeat(40);

        assertThatThrownBy(() -> JsonGrammar.UNBOUNDED.grammar(deep))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("deeper than 64");
    }

    @Test
    void textHasNoSchemaAndAFreeObjectIsFlatWhenBounded() {
        assertThat(JsonGrammar.UNBOUNDED.responseSchema(ResponseFormat.TEXT)).isNull();
        assertThat(JsonGrammar.UNBOUNDED.responseSchema(ResponseFormat.JSON_OBJECT)).isEqualTo("{\"type\":\"object\"}");
        assertThat(new JsonGrammar(4).responseSchema(ResponseFormat.JSON_OBJECT)).contains("additionalProperties");
    }
}
