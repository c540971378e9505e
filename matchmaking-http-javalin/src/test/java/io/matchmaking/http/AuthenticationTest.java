package io.matchmaking.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tokens are compared as fixed-length digests, so a comparison never stops early at a length
 * difference or at the first wrong character: what a guess costs to check says nothing about it.
 */
class BearerAuthTest {

    @Test
    void everyTokenBecomesADigestOfTheSameLength() {
        assertThat(BearerAuth.digest("")).hasSize(32);
        assertThat(BearerAuth.digest("s")).hasSize(32);
        assertThat(BearerAuth.digest("s".repeat(10_000))).hasSize(32);
    }

    @Test
    void onlyTheExactTokenHasTheSameDigest() {
        assertThat(BearerAuth.digest("s3cret")).isEqualTo(BearerAuth.digest("s3cret"));
        assertThat(BearerAuth.digest("s3cret")).isNotEqualTo(BearerAuth.digest("s3cre"))
                .isNotEqualTo(BearerAuth.digest("s3cret "))
                .isNotEqualTo(BearerAuth.digest("S3cret"));
    }
}
