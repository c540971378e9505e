package io.matchmaking.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Mints player tokens the way a game backend would, for tests: valid by default, each claim
 * replaceable. Signing is nimbus's; verifying (the code under test) is configured separately.
 */
public final class TestTokens {

    /** 32 bytes: the least an HS256 secret may be. */
    public static final String SECRET = "0123456789abcdef0123456789abcdef";
    public static final String ISSUER = "https://game.example/auth";
    public static final String AUDIENCE = "matchmaking";

    private TestTokens() {
    }

    /** The claims of a valid token for {@code player}, issued now, for five minutes. */
    public static JWTClaimsSet.Builder claims(String player, Instant now) {
        return new JWTClaimsSet.Builder()
                .subject(player)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** A valid HS256 token for {@code player}, issued now. */
    public static String hs256(String player) {
        return hs256(player, UnaryOperator.identity());
    }

    /** An HS256 token for {@code player} with its claims changed by {@code change}. */
    public static String hs256(String player, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            return sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), new JWSHeader(JWSAlgorithm.HS256),
                    change.apply(claims(player, Instant.now())).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with {@code alg: none}: claims anyone could write. */
    public static String unsigned(String player) {
        return new PlainJWT(claims(player, Instant.now()).build()).serialize();
    }

    /** A new RSA key with id {@code kid}. */
    public static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new P-256 key with id {@code kid}. */
    public static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token for {@code player} signed by {@code key} (RS256 or ES256 by its type), naming its kid. */
    public static String signedBy(JWK key, String player) {
        return signedBy(key, player, List.of());
    }

    /** As {@link #signedBy(JWK, String)}, with a {@code party} claim when {@code party} is not empty. */
    public static String signedBy(JWK key, String player, List<String> party) {
        try {
            JWTClaimsSet.Builder claims = claims(player, Instant.now());
            if (!party.isEmpty()) {
                claims.claim("party", party);
            }
            if (key instanceof RSAKey rsa) {
                return sign(new RSASSASigner(rsa), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
            }
            ECKey ec = (ECKey) key;
            return sign(new ECDSASigner(ec), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    claims.build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
