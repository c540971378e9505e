package io.matchmaking.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Writes player tokens, one per line, as a game backend would mint them: HS256, a player of its
 * own each, valid for an hour. For measuring what verifying a token costs a request.
 *
 * <pre>java -cp matchmaking-bench.jar io.matchmaking.bench.MintTokens SECRET COUNT FILE</pre>
 */
public final class MintTokens {

    private MintTokens() {
    }

    public static void main(String[] args) throws Exception {
        MACSigner signer = new MACSigner(args[0].getBytes(StandardCharsets.UTF_8));
        int count = Integer.parseInt(args[1]);
        Instant now = Instant.now();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
            for (int i = 0; i < count; i++) {
                SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                        .subject("t" + now.getEpochSecond() + "-" + i)
                        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                        .build());
                token.sign(signer);
                out.write(token.serialize());
                out.newLine();
            }
        }
    }
}
