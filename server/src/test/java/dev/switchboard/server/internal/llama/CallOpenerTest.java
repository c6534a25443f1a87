package dev.switchboard.server.internal.llama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallOpenerTest {

    @Test
    void aBraceAfterWhitespaceIsACall() {
        CallOpener opener = new CallOpener();
        assertThat(opener.accept("\n ")).isEqualTo(CallOpener.Verdict.UNDECIDED);
        assertThat(opener.accept("{\"")).isEqualTo(CallOpener.Verdict.CALL);
    }

    @Test
    void aTemplateMarkerSplitOverPiecesIsACall() {
        CallOpener opener = new CallOpener();
        assertThat(opener.accept("<tool")).isEqualTo(CallOpener.Verdict.UNDECIDED);
        assertThat(opener.accept("_call>")).isEqualTo(CallOpener.Verdict.CALL);
    }

    @Test
    void anythingElseIsAnAnswerAndKeepsWhatWasHeldBack() {
        CallOpener opener = new CallOpener();
        assertThat(opener.accept(" <")).isEqualTo(CallOpener.Verdict.UNDECIDED);
        assertThat(opener.accept("b>Hi")).isEqualTo(CallOpener.Verdict.ANSWER);
        assertThat(opener.seen()).isEqualTo(" <b>Hi");
    }
}
