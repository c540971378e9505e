package io.matchmaking.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.matchmaking.core.match.PlayerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Player tokens as API.md "Identity" says: what verifies, and every way a token is refused. */
class PlayerTokensTest {

    private final PlayerTokens hs256 = new PlayerTokens(PlayerTokenSettings.hmac(TestTokens.SECRET)
            .withIssuer(Optional.of(TestTokens.ISSUER)).withAudience(Optional.of(TestTokens.AUDIENCE)));

    @Test
    void aValidTokenIsItsPlayer() {
        Caller.Player player = hs256.verify(TestTokens.hs256("p1"));
        assertThat(player.id()).isEqualTo(PlayerId.of("p1"));
        assertThat(player.party()).isEmpty();
    }

    @Test
    void expiredAndNotYetValidTokensAreRefusedBeyondTheLeeway() {
        Instant now = Instant.now();
        refused(hs256, TestTokens.hs256("p1", c -> c.expirationTime(Date.from(now.minusSeconds(31)))))
                .hasMessage("player token has expired");
        refused(hs256, TestTokens.hs256("p1", c -> c.notBeforeTime(Date.from(now.plusSeconds(60)))))
                .hasMessage("player token is not valid yet");
        refused(hs256, TestTokens.hs256("p1", c -> c.expirationTime(null))).hasMessage("player token has no exp claim");
        // the signer's clock may be a little off ours
        assertThat(hs256.verify(TestTokens.hs256("p1", c -> c.expirationTime(Date.from(now.minusSeconds(20))))).id().value())
                .isEqualTo("p1");
        assertThat(hs256.verify(TestTokens.hs256("p1", c -> c.notBeforeTime(Date.from(now.plusSeconds(20))))).id().value())
                .isEqualTo("p1");
    }

    @Test
    void ourClockDecides() {
        Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        PlayerTokens ahead = new PlayerTokens(PlayerTokenSettings.hmac(TestTokens.SECRET).withClock(anHourAhead));
        refused(ahead, TestTokens.hs256("p1")).hasMessage("player token has expired");
        PlayerTokens behind = new PlayerTokens(PlayerTokenSettings.hmac(TestTokens.SECRET)
                .withClock(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC)));
        refused(behind, TestTokens.hs256("p1", c -> c.notBeforeTime(new Date()))).hasMessage("player token is not valid yet");
    }

    @Test
    void aRememberedTokenStillExpires() {
        Instant now = Instant.now();
        Clock[] clock = {Clock.fixed(now, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        };
        PlayerTokens tokens = new PlayerTokens(PlayerTokenSettings.hmac(TestTokens.SECRET).withClock(moving));
        String token = TestTokens.hs256("p1");
        assertThat(tokens.verify(token).id().value()).isEqualTo("p1");
        assertThat(tokens.verify(token).id().value()).as("remembered").isEqualTo("p1");
        clock[0] = Clock.fixed(now.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        refused(tokens, token).hasMessage("player token has expired");
    }

    @Test
    void issuerAndAudienceMustMatchWhenSet() {
        refused(hs256, TestTokens.hs256("p1", c -> c.issuer("https://evil.example"))).hasMessage("player token has the wrong issuer");
        refused(hs256, TestTokens.hs256("p1", c -> c.issuer(null))).hasMessage("player token has the wrong issuer");
        refused(hs256, TestTokens.hs256("p1", c -> c.audience("another-service"))).hasMessage("player token is not meant for this audience");
        refused(hs256, TestTokens.hs256("p1", c -> c.audience((String) null))).hasMessage("player token is not meant for this audience");
        assertThat(hs256.verify(TestTokens.hs256("p1", c -> c.audience(List.of("other", TestTokens.AUDIENCE)))).id().value())
                .isEqualTo("p1");
        PlayerTokens unchecked = new PlayerTokens(PlayerTokenSettings.hmac(TestTokens.SECRET));
        assertThat(unchecked.verify(TestTokens.hs256("p1", c -> c.issuer("anyone").audience("anything"))).id().value())
                .isEqualTo("p1");
    }

    @Test
    void forgedUnsignedAndMalformedTokensAreRefused() {
        String valid = TestTokens.hs256("p1");
        refused(new PlayerTokens(PlayerTokenSettings.hmac("another-secret-of-32-bytes-length!")), valid)
                .hasMessage("player token signature is not valid");
        // the claims changed after signing: the signature no longer matches
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + TestTokens.hs256("victim").split("\\.")[1] + "." + parts[2];
        refused(hs256, tampered).hasMessage("player token signature is not valid");
        refused(hs256, TestTokens.unsigned("p1")).hasMessageContaining("must be signed");
        refused(hs256, "not-a-jwt").hasMessage("player token is not a JWT");
        refused(hs256, "").hasMessage("player token is not a JWT");
    }

    @Test
    void theSubjectMustBeAPlayerId() {
        refused(hs256, TestTokens.hs256("p1", c -> c.subject(null))).hasMessageStartingWith("player token sub must be a player id");
        refused(hs256, TestTokens.hs256("p1", c -> c.subject("bad id with spaces"))).hasMessageStartingWith("player token sub must be");
    }

    @Test
    void aPartyClaimListsDistinctPlayersWithTheTokensOwn() {
        Caller.Player player = hs256.verify(TestTokens.hs256("p1", c -> c.claim("party", List.of("p1", "p2", "p3"))));
        assertThat(player.party()).containsExactly(PlayerId.of("p1"), PlayerId.of("p2"), PlayerId.of("p3"));

        refused(hs256, TestTokens.hs256("p1", c -> c.claim("party", List.of("p2", "p3"))))
                .hasMessage("player token party must include the token's own player");
        refused(hs256, TestTokens.hs256("p1", c -> c.claim("party", List.of("p1", "p1"))))
                .hasMessage("player token party must be an array of distinct player ids");
        refused(hs256, TestTokens.hs256("p1", c -> c.claim("party", List.of("p1", "bad id"))))
                .hasMessage("player token party must be an array of distinct player ids");
        refused(hs256, TestTokens.hs256("p1", c -> c.claim("party", "p1"))).hasMessageStartingWith("player token party must be an array");
        refused(hs256, TestTokens.hs256("p1", c -> c.claim("party", List.of()))).hasMessageStartingWith("player token party must be an array");
        List<String> tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> "p" + i).toList();
        refused(hs256, TestTokens.hs256("p1", c -> c.claim("party", tooMany))).hasMessageStartingWith("player token party must be an array");
    }

    @Test
    void refusalsNeverEchoWhatTheClientWrote() {
        String marker = "INJECTED-VALUE";
        for (String token : List.of(TestTokens.hs256("p1", c -> c.issuer(marker)), TestTokens.hs256("p1", c -> c.audience(marker)),
                TestTokens.hs256(marker + " x"), TestTokens.hs256("p1", c -> c.claim("party", List.of(marker + " x"))))) {
            refused(hs256, token).extracting(Throwable::getMessage).asString().doesNotContain(marker);
        }
    }

    @Test
    void keysFromAJwksAreFetchedOnceAndAgainForAnUnknownKid() {
        RSAKey first = TestTokens.rsaKey("rsa-1");
        ECKey second = TestTokens.ecKey("ec-2");
        try (JwksServer jwks = new JwksServer().serve(List.of(first))) {
            PlayerTokens tokens = new PlayerTokens(PlayerTokenSettings.jwks(jwks.url()));
            assertThat(tokens.verify(TestTokens.signedBy(first, "p1")).id().value()).isEqualTo("p1");
            assertThat(tokens.verify(TestTokens.signedBy(first, "p2")).id().value()).isEqualTo("p2");
            assertThat(jwks.fetches()).as("cached").isEqualTo(1);

            // the backend rotates: a token signed with the new key is the first to name its kid
            jwks.serve(List.of(first, second));
            assertThat(tokens.verify(TestTokens.signedBy(second, "p3")).id().value()).isEqualTo("p3");
            assertThat(jwks.fetches()).isEqualTo(2);
        }
    }

    @Test
    void cachedKeysOutliveAnOutageOfTheKeyServer() throws Exception {
        RSAKey key = TestTokens.rsaKey("rsa-1");
        JwksServer jwks = new JwksServer().serve(List.of(key));
        Duration timeToLive = Duration.ofMillis(200);
        PlayerTokens tokens = new PlayerTokens(PlayerTokenSettings.jwks(jwks.url()).withKeysTimeToLive(timeToLive));
        assertThat(tokens.verify(TestTokens.signedBy(key, "p1")).id().value()).isEqualTo("p1");
        jwks.stop();

        assertThat(tokens.verify(TestTokens.signedBy(key, "p2")).id().value()).as("within the time to live").isEqualTo("p2");
        Thread.sleep(timeToLive.multipliedBy(2).toMillis()); // the time to live passes: the keys are stale, not gone
        assertThat(tokens.verify(TestTokens.signedBy(key, "p3")).id().value()).as("past it, the key server down").isEqualTo("p3");
        refused(tokens, TestTokens.signedBy(TestTokens.rsaKey("unknown"), "p4")).hasMessage("player token signature is not valid");
    }

    @Test
    void withoutKeysHeldAnUnreachableKeyServerIsA503NotA401() {
        JwksServer jwks = new JwksServer();
        jwks.stop();
        PlayerTokens tokens = new PlayerTokens(PlayerTokenSettings.jwks(jwks.url()));
        assertThatThrownBy(() -> tokens.verify(TestTokens.signedBy(TestTokens.rsaKey("k"), "p1")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryLater()).isTrue();
                });
    }

    @Test
    void forgedKidsDoNotFloodTheKeyServer() {
        RSAKey key = TestTokens.rsaKey("rsa-1");
        try (JwksServer jwks = new JwksServer().serve(List.of(key))) {
            PlayerTokens tokens = new PlayerTokens(PlayerTokenSettings.jwks(jwks.url()));
            for (int i = 0; i < 50; i++) {
                JWK forged = TestTokens.rsaKey("forged-" + i);
                refused(tokens, TestTokens.signedBy(forged, "p1")).hasMessage("player token signature is not valid");
            }
            assertThat(jwks.fetches()).as("rate-limited refetches").isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aTokenSignedWithTheWrongKindOfKeyIsRefused() {
        RSAKey key = TestTokens.rsaKey("rsa-1");
        try (JwksServer jwks = new JwksServer().serve(List.of(key))) {
            PlayerTokens tokens = new PlayerTokens(PlayerTokenSettings.jwks(jwks.url()));
            // HS256 "signed" with anything: a server that took the public key as an HMAC secret would accept it
            refused(tokens, TestTokens.hs256("p1")).hasMessage("player token signature is not valid");
        }
        refused(hs256, TestTokens.signedBy(key, "p1")).hasMessage("player token signature is not valid");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(PlayerTokens tokens, String token) {
        return assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
