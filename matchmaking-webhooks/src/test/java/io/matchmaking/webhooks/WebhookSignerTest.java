package io.matchmaking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Signatures as the Standard Webhooks spec defines them, checked by code that shares nothing with
 * the signing path: the spec's own test vector, an HMAC computed here with the JDK, and the
 * reference library's verifier, as a receiver would run it.
 */
class WebhookSignerTest {

    /** The spec's example (standard-webhooks, libraries' shared test vector). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final WebhookSigner signer = new WebhookSigner(WebhookSecret.parse(SPEC_SECRET));

    @Test
    void theSpecsExampleSignsToTheSpecsSignature() {
        SignedWebhook signed = signer.sign(SPEC_ID, Instant.ofEpochSecond(SPEC_TIMESTAMP), SPEC_BODY);

        assertThat(signed.signature()).isEqualTo(SPEC_SIGNATURE);
        assertThat(signed.headers()).containsEntry("webhook-id", SPEC_ID)
                .containsEntry("webhook-timestamp", "1614265330")
                .containsEntry("webhook-signature", SPEC_SIGNATURE);
    }

    @Test
    void aSignatureIsTheHmacOfIdTimestampAndBodyAsTheSpecDefinesIt() throws Exception {
        String body = "{\"type\":\"match.ready\",\"data\":{\"players\":[\"p1\",\"ü\"]}}";
        SignedWebhook signed = signer.sign("01a23a99-670b-7405", Instant.ofEpochSecond(1_796_279_461L), body);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SPEC_SECRET.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal(("01a23a99-670b-7405.1796279461." + body).getBytes(StandardCharsets.UTF_8));
        assertThat(signed.signature()).isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void aReceiverUsingTheReferenceVerifierAcceptsItAndRefusesATamperedBody() throws Exception {
        Instant now = Instant.now();
        SignedWebhook signed = signer.sign("evt-1", now, "{\"type\":\"match.ready\"}");
        Map<String, List<String>> headers = signed.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));
        Webhook receiver = new Webhook(SPEC_SECRET);

        assertThatCode(() -> receiver.verify(signed.body(), headers)).doesNotThrowAnyException();
        assertThatThrownBy(() -> receiver.verify("{\"type\":\"match.readz\"}", headers)).isInstanceOf(Exception.class);
    }

    @Test
    void everyAttemptKeepsTheIdAndSignsItsOwnTimestamp() {
        SignedWebhook first = signer.sign("evt-1", Instant.ofEpochSecond(1_000), "{}");
        SignedWebhook retry = signer.sign("evt-1", Instant.ofEpochSecond(1_060), "{}");

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.timestamp()).isEqualTo(1_060);
        assertThat(retry.signature()).isNotEqualTo(first.signature());
    }

    @Test
    void anIdThatWouldMakeTheSignedContentAmbiguousIsRefused() {
        assertThatThrownBy(() -> signer.sign("a.b", Instant.now(), "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("", Instant.now(), "{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
