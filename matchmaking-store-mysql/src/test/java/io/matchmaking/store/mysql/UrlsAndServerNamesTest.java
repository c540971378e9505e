package io.matchmaking.store.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What messages and the start-up line say of a database: never a credential, and the server's own name. */
class UrlsAndServerNamesTest {

    @Test
    void urlsLoseTheirCredentialsWhereverTheyAre() {
        assertThat(Urls.withoutSecrets("jdbc:mysql://db:3306/mm?user=root&password=x")).isEqualTo("jdbc:mysql://db:3306/mm");
        assertThat(Urls.withoutSecrets("jdbc:mysql://root:x@db:3306/mm")).isEqualTo("jdbc:mysql://db:3306/mm");
        assertThat(Urls.target("jdbc:mysql://root:x@db:3306/mm?password=y")).isEqualTo("db:3306/mm");
        assertThat(Urls.target("jdbc:mariadb://db/mm")).isEqualTo("db/mm");
    }

    @Test
    void theServerIsNamedFromItsOwnVersionNotTheDriversGuess() {
        assertThat(ServerVersion.named("10.11.19-MariaDB-0+deb12u1")).isEqualTo("MariaDB 10.11.19");
        assertThat(ServerVersion.named("8.4.3")).isEqualTo("MySQL 8.4.3");
    }
}
