package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Microsoft's exhaustion report stays until a top-up, whatever state the ledger keeps. */
class ExhaustionMarkTest {

    private static final ActivationAttempted EXHAUSTED_ATTEMPT = new ActivationAttempted(
            "SN-9", "line-1", "activation-01", "KEY-B", "7QX4M", ActivationChannel.INTERNET, "0xC004C020", null);

    @Test
    void ledgerStateSetsMark() {
        Optional<ExhaustionMark> mark =
                ExhaustionMark.afterBalance(Optional.empty(), "active", balance(100, 40, "exhausted", null));

        assertThat(mark).contains(new ExhaustionMark(100, "the ledger marked the key exhausted"));
    }

    @Test
    void stateStaysAfterTopUpClears() {
        ExhaustionMark marked = new ExhaustionMark(100, "reason");

        Optional<ExhaustionMark> mark =
                ExhaustionMark.afterBalance(Optional.of(marked), "exhausted", balance(150, 40, "exhausted", null));

        assertThat(mark).isEmpty();
    }

    @Test
    void sameAllotmentKeepsMark() {
        ExhaustionMark marked = new ExhaustionMark(100, "reason");

        Optional<ExhaustionMark> mark =
                ExhaustionMark.afterBalance(Optional.of(marked), "exhausted", balance(100, 41, "active", null));

        assertThat(mark).contains(marked);
    }

    @Test
    void failureMarksKnownAllotment() {
        ExhaustionMark mark = ExhaustionMark.afterFailure(Optional.empty(), 100L, EXHAUSTED_ATTEMPT);

        assertThat(mark.allotment()).isEqualTo(100);
        assertThat(mark.reason())
                .isEqualTo("activation of SN-9 failed with 0xC004C020 (the key has exceeded its activation limit)");
    }

    @Test
    void failureKeepsEarlierMark() {
        ExhaustionMark earlier = new ExhaustionMark(80, "earlier");

        assertThat(ExhaustionMark.afterFailure(Optional.of(earlier), 100L, EXHAUSTED_ATTEMPT))
                .isEqualTo(earlier);
    }

    @Test
    void unknownAllotmentReplacedByBalance() {
        ExhaustionMark unknown = ExhaustionMark.afterFailure(Optional.empty(), null, EXHAUSTED_ATTEMPT);

        Optional<ExhaustionMark> mark =
                ExhaustionMark.afterBalance(Optional.of(unknown), null, balance(100, 40, "exhausted", null));

        assertThat(mark).contains(new ExhaustionMark(100, "the ledger marked the key exhausted"));
    }
}
