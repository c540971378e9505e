package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The secret's form is checked once, at start-up, and its value never appears in a message. */
class WebhookSecretTest {

    private static String secretOf(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    @Test
    void twentyFourToSixtyFourBytesAfterThePrefixAreASecret() {
        assertThat(WebhookSecret.parse(secretOf(24))).isEqualTo(WebhookSecret.parse(secretOf(24)));
        assertThat(WebhookSecret.parse(secretOf(64)).key()).hasSize(64);
    }

    @Test
    void anyOtherFormIsRefusedWithoutRepeatingTheValue() {
        for (String wrong : new String[] {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not*base64!", secretOf(23), secretOf(65), "whsec_"}) {
            String secretPart = wrong.startsWith("whsec_") ? wrong.substring("whsec_".length()) : wrong;
            assertThatThrownBy(() -> WebhookSecret.parse(wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> {
                        if (!secretPart.isEmpty()) {
                            assertThat(e.getMessage()).doesNotContain(secretPart);
                        }
                    });
        }
    }

    @Test
    void itsTextNeverShowsTheKey() {
        String value = secretOf(32);
        assertThat(WebhookSecret.parse(value).toString()).isEqualTo("WebhookSecret[32 bytes]").doesNotContain(value.substring(6));
    }
}
