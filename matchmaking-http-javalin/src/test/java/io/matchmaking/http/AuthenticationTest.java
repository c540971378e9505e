package io.matchmaking.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tokens are compared as fixed-length digests, so a comparison never stops early at a length
 * difference or at the first wrong character: what a guess costs to check says nothing about it.
 */
class AuthenticationTest {

    @Test
    void everyTokenBecomesADigestOfTheSameLength() {
        assertThat(Authentication.digest("")).hasSize(32);
        assertThat(Authentication.digest("s")).hasSize(32);
        assertThat(Authentication.digest("s".repeat(10_000))).hasSize(32);
    }

    @Test
    void onlyTheExactTokenHasTheSameDigest() {
        assertThat(Authentication.digest("s3cret")).isEqualTo(Authentication.digest("s3cret"));
        assertThat(Authentication.digest("s3cret")).isNotEqualTo(Authentication.digest("s3cre"))
                .isNotEqualTo(Authentication.digest("s3cret "))
                .isNotEqualTo(Authentication.digest("S3cret"));
    }
}
