package com.makeitright.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path allows exactly what Spring Security's strict firewall allows. */
class HeaderCharactersTest {

    @Test
    void everyCharacterIsJudgedAsTheFirewallJudgesIt() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            for (String text : List.of(String.valueOf((char) c), "Bearer " + (char) c + "x")) {
                assertThat(HeaderCharacters.NAMES.test(text)).as("name %s", c)
                        .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
                assertThat(HeaderCharacters.VALUES.test(text)).as("value %s", c)
                        .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
            }
        }
    }

    @Test
    void everydayHeadersPassAndControlCharactersDoNot() {
        assertThat(HeaderCharacters.VALUES.test("application/json; charset=UTF-8")).isTrue();
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\r\nSet-Cookie: x")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("")).isTrue();
        // the firewall asks about absent headers too (a null value)
        assertThat(HeaderCharacters.VALUES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(HeaderCharacters.NAMES.test(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
    }
}
