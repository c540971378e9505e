package io.matchmaking.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"p", "p1", "Player.One", "a_b", "team:red", "me@example.com", "x-y",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsOneToSixtyFourSafeCharacters(String value) {
        assertThat(PlayerId.of(value).value()).isEqualTo(value);
        assertThat(QueueName.of(value).value()).isEqualTo(value);
        assertThat(MatchId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "p 1", "p/1", "p1\n", "é", "<script>", "a\"b", "p%20",
            "a;b", "a[b", "a`b", "a{b", "a^b", "a?b", "a\u0000b", "a\u0130b",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsAnythingElse(String value) {
        assertThat(PlayerId.isValid(value)).isFalse();
        assertThat(QueueName.isValid(value)).isFalse();
        assertThatThrownBy(() -> PlayerId.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("player id must be 1..64 characters of A-Z a-z 0-9 . _ : @ -");
        assertThatThrownBy(() -> QueueName.of(value)).hasMessageStartingWith("queue must be");
    }

    @Test
    void nullIsInvalid() {
        assertThat(PlayerId.isValid(null)).isFalse();
        assertThatThrownBy(() -> PlayerId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
