package dev.switchboard.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.Usage;

/** The scripted engine's rules, one by one, without HTTP (README "The scripted engine"). */
class ScriptedEngineTest {

    private static final ToolSpec WEATHER = new ToolSpec("get_weather", "Weather for a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    private static final ToolSpec ADD = new ToolSpec("add", "Adds two numbers",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}}}");

    private final ScriptedEngine engine = new ScriptedEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    private static ChatRequest user(String text) {
        return ChatRequest.builder().user(text).build();
    }

    private static String text(List<ChatEvent> events) {
        return events.stream().filter(e -> e instanceof ChatEvent.TextDelta)
                .map(e -> ((ChatEvent.TextDelta) e).text()).collect(Collectors.joining());
    }

    private static String reasoning(List<ChatEvent> events) {
        return events.stream().filter(e -> e instanceof ChatEvent.ReasoningDelta)
                .map(e -> ((ChatEvent.ReasoningDelta) e).text()).collect(Collectors.joining());
    }

    private static List<ToolCall> calls(List<ChatEvent> events) {
        return events.stream().filter(e -> e instanceof ChatEvent.ToolCallEvent)
                .map(e -> ((ChatEvent.ToolCallEvent) e).toolCall()).collect(Collectors.toList());
    }

    private static FinishReason finish(List<ChatEvent> events) {
        ChatEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(ChatEvent.Finish.class);
        return ((ChatEvent.Finish) last).reason();
    }

    private static Usage usage(List<ChatEvent> events) {
        ChatEvent beforeLast = events.get(events.size() - 2);
        assertThat(beforeLast).isInstanceOf(ChatEvent.UsageEvent.class);
        return ((ChatEvent.UsageEvent) beforeLast).usage();
    }

    @Test
    void echoesTheLastUserMessageOneWordPerChunk() {
        List<ChatEvent> events = engine.events(user("  hello   world "));

        assertThat(events).containsExactly(new ChatEvent.TextDelta("You "), new ChatEvent.TextDelta("said: "),
                new ChatEvent.TextDelta("hello   "), new ChatEvent.TextDelta("world"),
                new ChatEvent.UsageEvent(Usage.of(2, 4)), new ChatEvent.Finish(FinishReason.STOP));
    }

    @Test
    void chunksOfSeveralWordsConcatenateToTheTextExactly() {
        try (ScriptedEngine three = new ScriptedEngine(3, Duration.ZERO)) {
            List<ChatEvent> events = three.events(user("one two three four five"));

            assertThat(events.subList(0, 3)).containsExactly(new ChatEvent.TextDelta("You said: one "),
                    new ChatEvent.TextDelta("two three four "), new ChatEvent.TextDelta("five"));
            assertThat(text(events)).isEqualTo("You said: one two three four five");
        }
    }

    @Test
    void callsTheNamedToolOncePerCapitalisedWord() {
        ChatRequest request = ChatRequest.builder().user("What is the weather in Paris and Tokyo?").addTool(WEATHER).build();

        List<ChatEvent> events = engine.events(request);

        assertThat(calls(events)).extracting(ToolCall::name, ToolCall::arguments).containsExactly(
                org.assertj.core.groups.Tuple.tuple("get_weather", "{\"city\":\"Paris\"}"),
                org.assertj.core.groups.Tuple.tuple("get_weather", "{\"city\":\"Tokyo\"}"));
        assertThat(calls(events)).extracting(ToolCall::id).allMatch(id -> id.matches("call_[0-9a-f]{8}")).doesNotHaveDuplicates();
        assertThat(events).filteredOn(e -> e instanceof ChatEvent.ToolCallEvent)
                .extracting(e -> ((ChatEvent.ToolCallEvent) e).index()).containsExactly(0, 1);
        assertThat(text(events)).isEmpty();
        assertThat(finish(events)).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void numberPropertiesTakeTheNumbersInOrder() {
        ChatRequest request = ChatRequest.builder().user("Add 17 and 25").addTool(WEATHER).addTool(ADD).build();

        assertThat(calls(engine.events(request))).extracting(ToolCall::name, ToolCall::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("add", "{\"a\":17,\"b\":25}"));
    }

    @Test
    void booleanPropertiesAreTrueAndEnumStringsTakeAMentionedValue() {
        ToolSpec lights = new ToolSpec("switchLights", null, "{\"type\":\"object\",\"properties\":{"
                + "\"on\":{\"type\":\"boolean\"},\"room\":{\"type\":\"string\",\"enum\":[\"kitchen\",\"hall\"]}}}");

        List<ToolCall> calls = calls(engine.events(ChatRequest.builder().user("please switch the lights in the hall")
                .addTool(lights).build()));

        assertThat(calls).extracting(ToolCall::arguments).containsExactly("{\"on\":true,\"room\":\"hall\"}");
    }

    @Test
    void theToolWithMostMatchingNamePartsWinsAndTheFirstOnTies() {
        ToolSpec weather = new ToolSpec("weather", null, null);
        ToolSpec forecast = new ToolSpec("weather_forecast", null, null);
        ToolSpec alsoWeather = new ToolSpec("weather-now", null, null);

        assertThat(calls(engine.events(ChatRequest.builder().user("weather forecast please").addTool(weather)
                .addTool(forecast).build()))).extracting(ToolCall::name).containsExactly("weather_forecast");
        assertThat(calls(engine.events(ChatRequest.builder().user("the weather").addTool(weather)
                .addTool(alsoWeather).build()))).extracting(ToolCall::name).containsExactly("weather");
    }

    @Test
    void shortAndIgnoredNamePartsDoNotMatch() {
        ToolSpec getTheId = new ToolSpec("get_the_id", null, null);

        List<ChatEvent> events = engine.events(ChatRequest.builder().user("get the id").addTool(getTheId).build());

        assertThat(calls(events)).isEmpty();
        assertThat(text(events)).isEqualTo("You said: get the id");
    }

    @Test
    void noToolCallWhenTheLastMessageIsNotFromTheUser() {
        ChatRequest request = ChatRequest.builder().user("weather in Paris?")
                .addMessage(ChatMessage.assistant("Sure.")).addTool(WEATHER).build();

        List<ChatEvent> events = engine.events(request);

        assertThat(calls(events)).isEmpty();
        assertThat(text(events)).isEqualTo("You said: weather in Paris?");
    }

    @Test
    void callIdsAreTheSameForTheSameConversationAndDifferForAnother() {
        ChatRequest paris = ChatRequest.builder().user("weather in Paris").addTool(WEATHER).build();
        ChatRequest rome = ChatRequest.builder().user("weather in Rome").addTool(WEATHER).build();

        assertThat(calls(engine.events(paris))).isEqualTo(calls(new ScriptedEngine().events(paris)));
        assertThat(calls(engine.events(paris)).get(0).id()).isNotEqualTo(calls(engine.events(rome)).get(0).id());
    }

    @Test
    void answersFromEveryToolResultAfterTheLastAssistantMessage() {
        ChatRequest request = ChatRequest.builder().user("weather in Paris and Rome").addTool(WEATHER)
                .addMessage(new ChatMessage.AssistantMessage(null, null, List.of(
                        new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                        new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}"))))
                .addMessage(ChatMessage.tool("call_1", "{\"temp\":21}"))
                .addMessage(ChatMessage.tool("call_2", "{\"temp\":25}"))
                .build();

        List<ChatEvent> events = engine.events(request);

        assertThat(text(events)).isEqualTo("get_weather returned {\"temp\":21}. get_weather returned {\"temp\":25}.");
        assertThat(finish(events)).isEqualTo(FinishReason.STOP);
    }

    @Test
    void aToolResultWithAnUnknownCallIdIsNamedByItsId() {
        ChatRequest request = ChatRequest.builder().user("hi").addMessage(ChatMessage.tool("get_time", "noon")).build();

        assertThat(text(engine.events(request))).isEqualTo("get_time returned noon.");
    }

    @Test
    void remembersFactsGivenEarlierInTheConversation() {
        ChatRequest request = ChatRequest.builder().user("Hi, my name is Ada Lovelace. I like maths.")
                .addMessage(ChatMessage.assistant("Nice to meet you, Ada Lovelace."))
                .user("What is my name?").build();

        assertThat(text(engine.events(request))).isEqualTo("Your name is Ada Lovelace.");
    }

    @Test
    void aLaterFactReplacesAnEarlierOneAndWhatsWorksToo() {
        ChatRequest request = ChatRequest.builder().user("my colour is red").user("My colour is blue, really")
                .user("what's my colour").build();

        assertThat(text(engine.events(request))).isEqualTo("Your colour is blue.");
    }

    @Test
    void saysItDoesNotKnowAFactNeverGiven() {
        assertThat(text(engine.events(user("What is my age?")))).isEqualTo("I don't know your age yet.");
    }

    @Test
    void acknowledgesAFactStatedInTheLastMessage() {
        assertThat(text(engine.events(user("My name is Bob!")))).isEqualTo("Nice to meet you, Bob.");
        assertThat(text(engine.events(user("my city is Lyon.")))).isEqualTo("Nice to know that your city is Lyon.");
    }

    @Test
    void answersInUnicodeWhenAskedAboutUnicode() {
        assertThat(text(engine.events(user("Show me some UNICODE please")))).isEqualTo("你好 😊 Unicode works.");
    }

    @Test
    void reasoningModelsReasonBeforeAnsweringAndUsageCountsIt() {
        ChatRequest request = ChatRequest.builder().model(ScriptedEngine.MODEL_THINK_TAGS).user("hello there").build();

        List<ChatEvent> events = engine.events(request);

        assertThat(reasoning(events)).isEqualTo("The user wrote 2 words. I will answer.");
        assertThat(events.get(0)).isEqualTo(new ChatEvent.ReasoningDelta("The "));
        int firstText = events.indexOf(new ChatEvent.TextDelta("You "));
        assertThat(events.subList(0, firstText)).allMatch(e -> e instanceof ChatEvent.ReasoningDelta);
        assertThat(text(events)).isEqualTo("You said: hello there");
        assertThat(usage(events)).isEqualTo(Usage.of(2, 8 + 4));
    }

    @Test
    void theDefaultModelDoesNotReason() {
        assertThat(reasoning(engine.events(user("hello")))).isEmpty();
    }

    @Test
    void maxTokensCutsTheWordsAndFinishesWithLength() {
        List<ChatEvent> events = engine.events(ChatRequest.builder().user("one two three").maxTokens(2).build());

        assertThat(text(events)).isEqualTo("You said: ");
        assertThat(usage(events)).isEqualTo(Usage.of(3, 2));
        assertThat(finish(events)).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void maxTokensZeroGivesNoTextAndLength() {
        List<ChatEvent> events = engine.events(ChatRequest.builder().user("hello").maxTokens(0).build());

        assertThat(events).containsExactly(new ChatEvent.UsageEvent(Usage.of(1, 0)), new ChatEvent.Finish(FinishReason.LENGTH));
    }

    @Test
    void maxTokensAtOrAboveTheAnswerFinishesWithStop() {
        assertThat(finish(engine.events(ChatRequest.builder().user("hello").maxTokens(3).build()))).isEqualTo(FinishReason.STOP);
    }

    @Test
    void reasoningWordsCountAgainstMaxTokens() {
        List<ChatEvent> events = engine.events(ChatRequest.builder().model(ScriptedEngine.MODEL_REASONING)
                .user("hello").maxTokens(3).build());

        assertThat(reasoning(events)).isEqualTo("The user wrote ");
        assertThat(text(events)).isEmpty();
        assertThat(finish(events)).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void toolCallsIgnoreMaxTokens() {
        List<ChatEvent> events = engine.events(ChatRequest.builder().user("weather in Oslo").addTool(WEATHER)
                .maxTokens(0).build());

        assertThat(calls(events)).hasSize(1);
        assertThat(finish(events)).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void promptTokensCountTheWordsOfEveryMessage() {
        ChatRequest request = ChatRequest.builder().system("be brief").user("hi there")
                .addMessage(ChatMessage.assistant("hello you")).user("again").build();

        assertThat(usage(engine.events(request)).promptTokens()).isEqualTo(7);
    }

    @Test
    void theSameRequestAlwaysGivesTheSameEvents() {
        ChatRequest request = ChatRequest.builder().model(ScriptedEngine.MODEL_REASONING_CONTENT)
                .user("my name is Eve").user("what is my name?").build();

        assertThat(engine.events(request)).isEqualTo(engine.events(request));
    }

    @Test
    void listsItsModelsAndHowEachCarriesReasoning() {
        assertThat(engine.models()).extracting(ModelInfo::id).containsExactly(ScriptedEngine.MODEL,
                ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING, ScriptedEngine.MODEL_THINK_TAGS,
                ScriptedEngine.EMBEDDING_MODEL);
        assertThat(engine.reasoningShape(ScriptedEngine.MODEL_REASONING_CONTENT)).isEqualTo(ReasoningShape.REASONING_CONTENT);
        assertThat(engine.reasoningShape(ScriptedEngine.MODEL_REASONING)).isEqualTo(ReasoningShape.REASONING);
        assertThat(engine.reasoningShape(ScriptedEngine.MODEL_THINK_TAGS)).isEqualTo(ReasoningShape.THINK_TAGS);
        assertThat(engine.reasoningShape("anything")).isEqualTo(ReasoningShape.REASONING_CONTENT);
    }

    @Test
    void refusesUnknownModelsWith404AndTheEmbeddingModelWith400() {
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> engine.chat(ChatRequest.builder().model("gpt-x").user("hi").build(), sink))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("model 'gpt-x' not found");
                });
        assertThatThrownBy(() -> engine.chat(ChatRequest.builder().model(ScriptedEngine.EMBEDDING_MODEL).user("hi").build(), sink))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(sink.events).isEmpty();
    }

    @Test
    void rejectsBadConstructorArguments() {
        assertThatThrownBy(() -> new ScriptedEngine(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScriptedEngine(1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void embeddingsAreUnitVectorsOfTheFixedDimensionInInputOrder() {
        EmbeddingResponse r = engine.embed(EmbeddingRequest.of("the cat sat", "", "the cat sat"));

        assertThat(r.dimension()).isEqualTo(ScriptedEngine.EMBEDDING_DIMENSION);
        assertThat(r.vectors()).hasSize(3).allSatisfy(v -> assertThat(norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5)));
        assertThat(r.vectors().get(0)).isEqualTo(r.vectors().get(2));
        assertThat(r.model()).isEqualTo(ScriptedEngine.EMBEDDING_MODEL);
        assertThat(r.usage().promptTokens()).isEqualTo(6);
    }

    @Test
    void relatedTextsScoreCloserThanUnrelatedOnes() {
        EmbeddingResponse r = engine.embed(EmbeddingRequest.of("The cat sits on the mat",
                "A cat sat on a mat", "Quarterly revenue grew by eight percent"));

        double related = EmbeddingResponse.cosine(r.vectors().get(0), r.vectors().get(1));
        double unrelated = EmbeddingResponse.cosine(r.vectors().get(0), r.vectors().get(2));
        assertThat(related).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void embeddingsRefuseOtherModels() {
        assertThatThrownBy(() -> engine.embed(new EmbeddingRequest(ScriptedEngine.MODEL, List.of("x"))))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("model \"scripted\" not found, try pulling it first");
                });
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }

    /** Collects what the engine sends; thread-safe. */
    static final class RecordingSink implements EngineSink {
        final List<ChatEvent> events = new ArrayList<>();
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        volatile Throwable error;

        @Override
        public synchronized void onEvent(ChatEvent event) {
            events.add(event);
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        @Override
        public void onError(Throwable e) {
            error = e;
            done.countDown();
        }

        synchronized List<ChatEvent> snapshot() {
            return new ArrayList<>(events);
        }
    }
}
